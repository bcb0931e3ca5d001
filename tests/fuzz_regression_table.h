#pragma once

// tests/data/fuzz-regressions/expected.tsv: what each input must give on each replay path.
// One line per input and path: file name, path ("load" or "decode"), then one field per fact,
// in the order the replay describes them (see describeLoad and describeDecode in
// tst_fuzz_regressions.cpp). A field reads "kind: value" ("ok" and "empty input" stand alone).
// Fields of kind "error" and "warning" match when the actual text contains the expected one;
// every other field matches exactly. Expected and actual fields pair one to one, so a
// warning nobody listed, or a listed one that no longer comes, fails. A "known bug: <why>"
// field says that the other fields are the right outcome, which core does not give yet.

#include <QFile>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <map>
#include <utility>

namespace fuzztable {

using Key = std::pair<QString, QString>; // file name, path

struct Table {
    std::map<Key, QStringList> expected;
    std::map<Key, QString> knownBugs;
    QStringList problems; // lines that could not be read
};

inline QString fieldKind(const QString& field)
{
    const qsizetype colon = field.indexOf(QStringLiteral(": "));
    return colon < 0 ? field : field.left(colon);
}

inline QString fieldValue(const QString& field)
{
    const qsizetype colon = field.indexOf(QStringLiteral(": "));
    return colon < 0 ? QString() : field.mid(colon + 2);
}

inline bool matchesByContaining(const QString& kind)
{
    return kind == QLatin1String("error") || kind == QLatin1String("warning");
}

inline Table readTable(const QString& path)
{
    Table table;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        table.problems << path + QStringLiteral(": cannot be read");
        return table;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList fields = line.split(QLatin1Char('\t'));
        const QString where = path + QLatin1Char(':') + QString::number(lineNumber);
        if (fields.size() < 3) {
            table.problems << where + QStringLiteral(": needs a file, a path and an outcome");
            continue;
        }
        const Key key{fields.takeFirst(), fields.takeFirst()};
        if (key.second != QLatin1String("load") && key.second != QLatin1String("decode"))
            table.problems << where + QStringLiteral(": the path is \"load\" or \"decode\"");
        for (const QString& field : fields) {
            if (matchesByContaining(fieldKind(field)) && fieldValue(field).isEmpty())
                table.problems << where + QStringLiteral(": an empty ") + fieldKind(field) +
                                      QStringLiteral(" matches anything");
            if (fieldKind(field) == QLatin1String("known bug"))
                table.knownBugs[key] = fieldValue(field);
        }
        fields.removeIf([](const QString& field) { return fieldKind(field) == QLatin1String("known bug"); });
        if (!table.expected.emplace(key, fields).second)
            table.problems << where + QStringLiteral(": ") + key.first + QLatin1Char(' ') + key.second +
                                  QStringLiteral(" is listed twice");
    }
    return table;
}

// Empty when `actual` satisfies `expected`, otherwise what differs.
inline QString mismatch(const QStringList& expected, const QStringList& actual)
{
    for (qsizetype i = 0; i < std::max(expected.size(), actual.size()); ++i) {
        if (i >= expected.size())
            return QStringLiteral("unexpected \"%1\"").arg(actual[i]);
        if (i >= actual.size())
            return QStringLiteral("missing \"%1\"").arg(expected[i]);
        const QString kind = fieldKind(expected[i]);
        const bool same = kind == fieldKind(actual[i]) &&
                          (matchesByContaining(kind) ? fieldValue(actual[i]).contains(fieldValue(expected[i]))
                                                     : expected[i] == actual[i]);
        if (!same)
            return QStringLiteral("expected \"%1\", got \"%2\"").arg(expected[i], actual[i]);
    }
    return {};
}

} // namespace fuzztable
