#pragma once

// A strict RFC 4180 reader for checking exported CSV: records end with CRLF, a field is either
// plain (no comma, quote, CR or LF) or quoted with doubled inner quotes. Anything else is an
// error, so an exporter that forgets to quote a field fails the test instead of shifting columns.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace testcsv {

inline std::optional<QList<QStringList>> parse(const QString& text, QString* error = nullptr)
{
    const auto fail = [&](const QString& why, qsizetype at) -> std::optional<QList<QStringList>> {
        if (error)
            *error = why + QStringLiteral(" at character %1").arg(at);
        return std::nullopt;
    };
    QList<QStringList> records;
    QStringList record;
    qsizetype i = 0;
    while (i < text.size()) {
        QString field;
        if (text[i] == QLatin1Char('"')) {
            ++i;
            for (;;) {
                if (i >= text.size())
                    return fail(QStringLiteral("unterminated quoted field"), i);
                if (text[i] == QLatin1Char('"')) {
                    if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != QLatin1Char(',') && text[i] != QLatin1Char('\r')) {
                if (text[i] == QLatin1Char('"') || text[i] == QLatin1Char('\n'))
                    return fail(QStringLiteral("quote or line feed in a plain field"), i);
                field += text[i++];
            }
        }
        record << field;
        if (i < text.size() && text[i] == QLatin1Char(',')) {
            ++i;
            continue;
        }
        if (text.mid(i, 2) != QLatin1String("\r\n"))
            return fail(QStringLiteral("a field must end with a comma or CRLF"), i);
        i += 2;
        records << record;
        record.clear();
    }
    if (!record.isEmpty())
        return fail(QStringLiteral("the last record does not end with CRLF"), i);
    return records;
}

} // namespace testcsv
