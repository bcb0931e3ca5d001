#pragma once

#include <QByteArrayView>
#include <QJsonObject>

#include <functional>
#include <vector>

namespace app::json {

enum class Layout { Indented, Compact }; // as QJsonDocument::Indented and QJsonDocument::Compact

// Receives streamed JSON as UTF-8 bytes, in order, each call a whole piece (never half a character).
using ByteSink = std::function<void(QByteArrayView)>;

// An array member of a document written one element at a time: only one element is in memory.
struct StreamedArray {
    QString key;
    qsizetype count = 0;
    std::function<QJsonObject(qsizetype)> element;
};

// Writes the document of `members` plus the `streamed` arrays, byte for byte as
// QJsonDocument(object).toJson(layout) writes the object holding them all (keys sorted as
// QJsonObject sorts them), but with only one array element serialised at a time.
void writeDocument(const QJsonObject& members, const std::vector<StreamedArray>& streamed, Layout layout,
                   const ByteSink& sink);

} // namespace app::json
