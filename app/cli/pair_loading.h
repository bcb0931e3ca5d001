#pragma once

#include <QString>

#include <memory>

class QTextStream;

namespace core {
struct Capture;
}

namespace app::cli {

// Two captures of one experiment (both ends of a path), loaded at once on worker threads.
struct CapturePair {
    std::shared_ptr<const core::Capture> first;
    std::shared_ptr<const core::Capture> second;
    bool ok() const { return first && second; }
};

// On failure prints each unreadable file's reason on `err`; load warnings go to the log.
CapturePair loadPairOrReport(const QString& firstFile, const QString& secondFile, QTextStream& err);

} // namespace app::cli
