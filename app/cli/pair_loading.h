#pragma once

#include "compare/connection_map.h"
#include "compare/one_way_delay.h"

#include <QString>

#include <memory>
#include <optional>

class QTextStream;

namespace app::cli {

// Two captures of one experiment (both ends of a path), loaded at once on worker threads.
struct CapturePair {
    std::shared_ptr<const core::Capture> first;
    std::shared_ptr<const core::Capture> second;
    bool ok() const { return first && second; }
};

// On failure prints each unreadable file's reason on `err`; load warnings go to the log.
CapturePair loadPairOrReport(const QString& firstFile, const QString& secondFile, QTextStream& err);

struct Invocation;

// One MPTCP connection captured at both ends: `FILE1 FILE2 --mptcp ID`, ID of the first file.
struct MatchedPair {
    CapturePair captures;
    core::compare::MptcpMatch match;
    std::vector<core::compare::TcpMatch> subflows;
    core::compare::ConnectionDelays delays;
};

// Loads both files, maps them, finds the counterpart of --mptcp ID and its one-way delays; on
// failure prints why on `err` (`command` names the command in the usage message).
std::optional<MatchedPair> loadMatchedPairOrReport(const Invocation& invocation, const QString& command);

} // namespace app::cli
