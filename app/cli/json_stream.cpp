#include "json_stream.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstring>

// Each piece is serialised by QJsonDocument itself and only cut and re-indented here. Its
// indented writer puts 4 spaces per nesting level at the start of each line, breaks lines only
// between members and elements (a line break inside a string is escaped) and ends a document
// with "}\n"; the compact writer adds no whitespace at all.
namespace app::json {
namespace {

constexpr qsizetype indentWidth = 4;

QJsonDocument::JsonFormat format(Layout layout)
{
    return layout == Layout::Indented ? QJsonDocument::Indented : QJsonDocument::Compact;
}

// `"key": value` of a top-level member, indented as in the whole document: the object
// {key: value} written on its own, without its braces ("{\n" … "\n}\n" or "{" … "}").
QByteArray member(const QString& key, const QJsonValue& value, Layout layout)
{
    const QByteArray object = QJsonDocument(QJsonObject{{key, value}}).toJson(format(layout));
    return layout == Layout::Indented ? object.sliced(2, object.size() - 5) : object.sliced(1, object.size() - 2);
}

// The next line break in [from, end), or end.
const char* nextLineBreak(const char* from, const char* end)
{
    const void* found = std::memchr(from, '\n', std::size_t(end - from));
    return found ? static_cast<const char*>(found) : end;
}

// An array element, an object at nesting depth 2 (document, array): written as a document of
// its own, which is at depth 0, then every line after the first moved 2 levels right.
QByteArray element(const QJsonObject& object, Layout layout)
{
    const QByteArray text = QJsonDocument(object).toJson(format(layout));
    if (layout == Layout::Compact)
        return text;
    constexpr qsizetype shift = 2 * indentWidth;
    const char* const begin = text.constData();
    const char* const end = begin + text.size() - 1; // without the document's final line break
    qsizetype lineBreaks = 0;
    for (const char* at = nextLineBreak(begin, end); at != end; at = nextLineBreak(at + 1, end))
        ++lineBreaks;
    QByteArray result(end - begin + lineBreaks * shift, ' ');
    char* out = result.data();
    for (const char* line = begin;;) {
        const char* const lineEnd = nextLineBreak(line, end);
        out = std::copy(line, lineEnd, out);
        if (lineEnd == end)
            return result;
        *out = '\n';
        out += 1 + shift; // over the spaces the result was filled with
        line = lineEnd + 1;
    }
}

void writeArrayMember(const StreamedArray& array, Layout layout, const ByteSink& sink)
{
    if (array.count == 0) {
        sink(member(array.key, QJsonArray(), layout));
        return;
    }
    const bool indented = layout == Layout::Indented;
    QByteArray head = member(array.key, QJsonValue::Null, layout);
    head.chop(4); // "null"
    head += indented ? "[\n" : "[";
    sink(head);
    const QByteArray elementIndent(indented ? 2 * indentWidth : 0, ' ');
    for (qsizetype i = 0; i < array.count; ++i) {
        if (i > 0)
            sink(indented ? ",\n" : ",");
        sink(elementIndent);
        sink(element(array.element(i), layout));
    }
    sink(indented ? QByteArray(1, '\n').append(indentWidth, ' ').append(']') : QByteArray("]"));
}

} // namespace

void writeDocument(const QJsonObject& members, const std::vector<StreamedArray>& streamed, Layout layout,
                   const ByteSink& sink)
{
    // The arrays as null placeholders, so that QJsonObject gives the order of all the keys.
    QJsonObject all = members;
    for (const auto& array : streamed)
        all.insert(array.key, QJsonValue::Null);

    const bool indented = layout == Layout::Indented;
    sink(indented ? "{\n" : "{");
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        if (it != all.constBegin())
            sink(indented ? ",\n" : ",");
        const auto array = std::find_if(streamed.begin(), streamed.end(),
                                        [&](const StreamedArray& a) { return a.key == it.key(); });
        if (array != streamed.end())
            writeArrayMember(*array, layout, sink);
        else
            sink(member(it.key(), it.value(), layout));
    }
    sink(!indented ? "}" : all.isEmpty() ? "}\n" : "\n}\n");
}

} // namespace app::json
