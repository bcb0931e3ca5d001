#include "connection_filter_proxy.h"

#include "connection_tree_model.h"

#include <QRegularExpression>

namespace app {

ConnectionFilterProxy::ConnectionFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setDynamicSortFilter(true);
    setSortRole(ConnectionTreeModel::SortRole);
}

void ConnectionFilterProxy::setFilterWords(const QString& text)
{
    // "tcp.stream == 5", "tcp.stream 5" and "mptcp.stream 1" become one term each, so the
    // number binds to its key; other words stand alone.
    QString normalized = text;
    normalized.replace(QLatin1String("=="), QLatin1String(" "));
    // Wireshark's "tcp.stream in {0 1 2}" (what "Copy filter" gives for a connection's
    // subflows): any of the streams.
    static const QRegularExpression setFilter(QStringLiteral("(mptcp|tcp)\\.stream\\s+in\\s*\\{([^}]*)\\}"),
                                              QRegularExpression::CaseInsensitiveOption);
    m_alternatives.clear();
    if (const auto match = setFilter.match(normalized); match.hasMatch()) {
        for (const auto& id :
             match.captured(2).split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts))
            m_alternatives << match.captured(1).toLower() + QStringLiteral(".stream ") + id;
        normalized.remove(match.capturedStart(), match.capturedLength());
    }
    const QStringList words = normalized.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_terms.clear();
    for (int i = 0; i < words.size(); ++i) {
        const QString& word = words[i];
        const bool key = word.compare(QLatin1String("tcp.stream"), Qt::CaseInsensitive) == 0 ||
                         word.compare(QLatin1String("mptcp.stream"), Qt::CaseInsensitive) == 0;
        if (key && i + 1 < words.size()) {
            m_terms << word.toLower() + QLatin1Char(' ') + words[i + 1];
            ++i;
        } else {
            m_terms << word;
        }
    }
    invalidateFilter();
}

bool ConnectionFilterProxy::termMatches(const QString& term, const QString& haystack)
{
    const QString padded = QLatin1Char(' ') + haystack + QLatin1Char(' ');
    if (term.contains(QLatin1Char(' ')))
        return padded.contains(QLatin1Char(' ') + term + QLatin1Char(' '), Qt::CaseInsensitive);
    const bool addressLike = term.contains(QLatin1Char('.')) || term.contains(QLatin1Char(':'));
    for (const auto& token : QStringView(haystack).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (token.compare(term, Qt::CaseInsensitive) == 0)
            return true;
        // An address matches itself with or without its port, and a prefix that ends on a
        // boundary ("10.0.2" finds 10.0.2.1, "10.0.0.1" does not find 10.0.0.10).
        if (addressLike && token.startsWith(term, Qt::CaseInsensitive)) {
            const QStringView rest = token.mid(term.size());
            if (rest.isEmpty() || rest.startsWith(QLatin1Char(':')) || rest.startsWith(QLatin1Char('.')) ||
                rest.startsWith(QLatin1Char(']')) || term.endsWith(QLatin1Char('.')) || term.endsWith(QLatin1Char(':')))
                return true;
        }
        if (addressLike && token.startsWith(QLatin1Char('[')) && token.mid(1).startsWith(term, Qt::CaseInsensitive))
            return true;
        // a bare port number matches "address:port"
        if (!addressLike && token.endsWith(QString(QLatin1Char(':') + term)))
            return true;
    }
    return false;
}

bool ConnectionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_terms.isEmpty() && m_alternatives.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString haystack = index.data(ConnectionTreeModel::FilterTextRole).toString();
    if (haystack.isEmpty())
        return false;
    for (const auto& term : m_terms)
        if (!termMatches(term, haystack))
            return false;
    if (m_alternatives.isEmpty())
        return true;
    for (const auto& alternative : m_alternatives)
        if (termMatches(alternative, haystack))
            return true;
    return false;
}

} // namespace app
