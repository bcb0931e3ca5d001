#include "text/wireshark_filter.h"

#include "model/mptcp_connection.h"

#include <QStringList>

namespace app::text {

QString tcpStreamFilter(unsigned stream) { return QStringLiteral("tcp.stream == %1").arg(stream); }

QString mptcpStreamFilter(unsigned id) { return QStringLiteral("mptcp.stream == %1").arg(id); }

QString subflowsFilter(const core::MptcpConnection& connection)
{
    QStringList ids;
    for (const auto stream : connection.subflows)
        ids << QString::number(stream.value);
    return QStringLiteral("tcp.stream in {%1}").arg(ids.join(QLatin1Char(' ')));
}

} // namespace app::text
