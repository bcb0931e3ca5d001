#include "invocation.h"

#include "compare/connection_map.h"
#include "model/capture.h"
#include "pair_json.h"
#include "pair_loading.h"

#include <QJsonDocument>
#include <QTextStream>

// map: the connections of two captures of one experiment, matched.
namespace app::cli {
namespace {

QString tcpReasonText(const core::compare::TcpMatch& m)
{
    using core::compare::TupleAgreement;
    QString endpoints;
    switch (m.tuple) {
    case TupleAgreement::Equal: endpoints = m.equalIsns ? tr("4-tuple equal") : tr("4-tuple only"); break;
    case TupleAgreement::ServerEqual: endpoints = tr("client endpoint rewritten (NAT)"); break;
    case TupleAgreement::ClientEqual: endpoints = tr("server endpoint rewritten (NAT)"); break;
    case TupleAgreement::Different: endpoints = tr("both endpoints rewritten (NAT)"); break;
    }
    if (m.equalIsns == 0)
        return endpoints;
    return (m.equalIsns == 2 ? tr("ISNs equal, %1") : tr("one ISN equal, %1")).arg(endpoints);
}

QString mptcpReasonText(const core::compare::MptcpMatch& m)
{
    if (m.equalKeys > 0)
        return m.equalKeys == 2 ? tr("keys equal") : tr("one key equal");
    if (m.equalTokens > 0)
        return m.equalTokens == 2 ? tr("tokens equal") : tr("one token equal");
    return tr("subflows only");
}

QString tcpLine(const core::Capture& first, const core::Capture& second, const core::compare::TcpMatch& m)
{
    const auto& a = first.tcp[m.first.value];
    const auto& b = second.tcp[m.second.value];
    return tr("tcp.stream %1 ↔ tcp.stream %2: score %3 (%4); %5 → %6 | %7 → %8%9")
        .arg(m.first.value)
        .arg(m.second.value)
        .arg(m.score, 0, 'f', 2)
        .arg(tcpReasonText(m))
        .arg(QString::fromStdString(a.client.toString()), QString::fromStdString(a.server.toString()),
             QString::fromStdString(b.client.toString()), QString::fromStdString(b.server.toString()))
        .arg(m.reversed ? tr(" (client and server swapped in the second file)") : QString());
}

template <typename Ids> QString idList(const QString& kind, const Ids& ids)
{
    QStringList items;
    for (const auto id : ids)
        items << QString::number(id.value);
    return items.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(kind, items.join(QStringLiteral(", ")));
}

void printMap(QTextStream& out, const QStringList& files, const core::Capture& first, const core::Capture& second,
              const core::compare::CaptureMap& map)
{
    out << tr("first: %1, second: %2").arg(files[0], files[1]) << '\n';
    for (const auto& m : map.mptcp) {
        out << tr("mptcp.stream %1 ↔ mptcp.stream %2: score %3 (%4; %5 subflow(s) matched)")
                   .arg(m.first.value)
                   .arg(m.second.value)
                   .arg(m.score, 0, 'f', 2)
                   .arg(mptcpReasonText(m))
                   .arg(m.matchedSubflows)
            << '\n';
        for (const auto& t : map.tcp)
            if (first.tcp[t.first.value].mptcp == m.first)
                out << QStringLiteral("  ") << tcpLine(first, second, t) << '\n';
    }
    bool header = false;
    for (const auto& t : map.tcp) {
        const auto firstMptcp = first.tcp[t.first.value].mptcp;
        if (firstMptcp && map.mptcpOfFirst(*firstMptcp))
            continue;
        if (!header)
            out << tr("TCP connections outside matched MPTCP connections:") << '\n';
        header = true;
        out << QStringLiteral("  ") << tcpLine(first, second, t) << '\n';
    }
    const auto unmatched = [&](const QString& file, const auto& mptcp, const auto& tcp) {
        QStringList parts;
        for (const auto& part :
             {idList(QStringLiteral("mptcp.stream"), mptcp), idList(QStringLiteral("tcp.stream"), tcp)})
            if (!part.isEmpty())
                parts << part;
        out << tr("only in %1: %2").arg(file, parts.isEmpty() ? tr("nothing") : parts.join(QStringLiteral("; ")))
            << '\n';
    };
    unmatched(files[0], map.unmatchedMptcpFirst, map.unmatchedTcpFirst);
    unmatched(files[1], map.unmatchedMptcpSecond, map.unmatchedTcpSecond);
}

} // namespace

int mapCaptures(const Invocation& invocation)
{
    const QStringList files{invocation.positional[1], invocation.positional[2]};
    const auto pair = loadPairOrReport(files[0], files[1], invocation.err);
    if (!pair.ok())
        return exitUsage;
    const auto map = core::compare::mapCaptures(*pair.first, *pair.second);
    if (invocation.isSet(QStringLiteral("json")))
        invocation.out
            << QJsonDocument(json::captureMap(*pair.first, *pair.second, map)).toJson(QJsonDocument::Indented);
    else
        printMap(invocation.out, files, *pair.first, *pair.second, map);
    return exitOk;
}

} // namespace app::cli
