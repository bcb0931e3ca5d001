#pragma once

#include "model/capture.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace core {

// Called every few thousand packets with bytes read so far and the file size;
// returning false cancels the load.
using ProgressSink = std::function<bool(std::uint64_t bytesDone, std::uint64_t bytesTotal)>;

struct LoadResult {
    std::shared_ptr<const Capture> capture; // null on failure
    std::string error;                      // one line naming the file and what is wrong
    bool cancelled = false;

    bool ok() const { return capture != nullptr; }
};

LoadResult load(const std::string& path, const ProgressSink& progress = {});

} // namespace core
