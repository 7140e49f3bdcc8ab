#pragma once
// Private to demo/: comments in Norwegian that match how an area went.

#include <string>

#include "demo/random.h"

namespace cx::demo {

// A shopper's comment on `area` (reception, agent, total, wait) for a
// contact where that area scored `share` (0..1) of its points.
std::string CommentFor(const std::string& area, double share, Rng& rng);

}  // namespace cx::demo
