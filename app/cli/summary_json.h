#pragma once

#include "json_stream.h"

#include <QJsonArray>
#include <QJsonObject>

namespace core {
struct Capture;
struct MptcpConnection;
struct TcpConnection;
} // namespace core

namespace app::json {

// Writes the `mptcpscope/1` document, described in docs/schema/mptcpscope-1.schema.json, one
// connection at a time: its memory is that of one connection, not of the document.
void writeSummary(const core::Capture& capture, Layout layout, const ByteSink& sink);
QJsonObject tcpConnection(const core::Capture& capture, const core::TcpConnection& connection);
QJsonObject mptcpConnection(const core::Capture& capture, const core::MptcpConnection& connection);
QJsonObject reinjectionList(const core::Capture& capture, const core::MptcpConnection& connection);
// What `summary` writes, in its JSON Lines form, for a file it could not load
// (#/$defs/summary_error).
QJsonObject summaryError(const QString& file, const QString& error);

} // namespace app::json
