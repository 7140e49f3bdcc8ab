#include "kpi/kpi.h"

#include <gtest/gtest.h>

TEST(KpiSmoke, Builds) { SUCCEED(); }
