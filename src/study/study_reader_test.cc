#include "study/study_reader.h"
#include <gtest/gtest.h>
TEST(X, Y) {}
