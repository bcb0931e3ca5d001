#pragma once

#include "capture_ptr.h"
#include "compare/connection_map.h"

#include <QString>

#include <memory>

namespace app {

// Two captures of one experiment (both ends of a path), loaded, with their connections matched.
struct LoadedPair {
    CapturePtr first;
    CapturePtr second;
    QString firstPath;
    QString secondPath;
    core::compare::CaptureMap map;
};

// Shared read-only between the views that show the pair.
using PairPtr = std::shared_ptr<const LoadedPair>;

} // namespace app
