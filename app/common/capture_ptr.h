#pragma once

#include <memory>

namespace core {
struct Capture;
}

namespace app {

// A loaded capture, shared read-only between the views that show it.
using CapturePtr = std::shared_ptr<const core::Capture>;

} // namespace app
