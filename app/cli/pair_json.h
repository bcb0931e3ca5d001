#pragma once

#include <QJsonObject>

namespace core {
struct Capture;
}
namespace core::compare {
struct CaptureMap;
struct ConnectionDelays;
struct MptcpMatch;
struct ReinjectionVerdicts;
} // namespace core::compare

namespace app::json {

// `map FILE1 FILE2 --json`: #/$defs/capture_map of docs/schema/mptcpscope-1.schema.json.
QJsonObject captureMap(const core::Capture& first, const core::Capture& second, const core::compare::CaptureMap& map);

// `owd FILE1 FILE2 --mptcp ID --json`: #/$defs/one_way_delays.
QJsonObject oneWayDelays(const core::Capture& first, const core::Capture& second,
                         const core::compare::MptcpMatch& match, const core::compare::ConnectionDelays& delays);

// `qualify-reinjections FILE1 FILE2 --mptcp ID --json`: #/$defs/reinjection_verdicts.
QJsonObject reinjectionVerdicts(const core::Capture& first, const core::Capture& second,
                                const core::compare::MptcpMatch& match,
                                const core::compare::ReinjectionVerdicts& verdicts);

} // namespace app::json
