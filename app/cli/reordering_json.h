#pragma once

#include <QJsonObject>

#include <array>

namespace core {
struct Capture;
struct MptcpConnection;
struct ConnectionReordering;
} // namespace core

namespace app::json {

// `reordering FILE --mptcp ID --json`: #/$defs/reordering of docs/schema/mptcpscope-1.schema.json;
// `directions` is client → server, then server → client.
QJsonObject reordering(const core::Capture& capture, const core::MptcpConnection& connection,
                       const std::array<core::ConnectionReordering, 2>& directions);

} // namespace app::json
