#include "connection_tree_model.h"

#include "model/capture.h"
#include "text/formatting.h"
#include "text/wireshark_filter.h"

#include <QStringList>

namespace app {
namespace {

QString path(const core::TcpConnection& tcp)
{
    return QStringLiteral("%1 → %2").arg(text::endpoint(tcp.client), text::endpoint(tcp.server));
}

// Sorting sees the number, the view its formatted text.
QVariant bytesCell(bool sort, std::uint64_t bytes)
{
    return sort ? QVariant(qulonglong(bytes)) : QVariant(text::bytes(bytes));
}

QVariant secondsCell(bool sort, double seconds) { return sort ? QVariant(seconds) : QVariant(text::seconds(seconds)); }

QString tokenText(const core::MptcpKeyInfo& info)
{
    return info.tokenKnown ? QStringLiteral("%1 0x%2").arg(info.token).arg(info.token, 8, 16, QLatin1Char('0'))
                           : QString();
}

} // namespace

ConnectionTreeModel::ConnectionTreeModel(QObject* parent)
    : GroupedTreeModel(parent)
{
}

void ConnectionTreeModel::setCapture(CapturePtr capture)
{
    beginResetModel();
    m_capture = std::move(capture);
    m_groups.clear();
    if (m_capture) {
        GroupRows mptcp{Group::Mptcp, {}};
        GroupRows unattached{Group::Unattached, {}};
        GroupRows tcp{Group::Tcp, {}};
        for (std::uint32_t i = 0; i < m_capture->mptcp.size(); ++i)
            (m_capture->mptcp[i].unattached ? unattached : mptcp).rows.push_back(i);
        for (std::uint32_t i = 0; i < m_capture->tcp.size(); ++i)
            if (!m_capture->tcp[i].mptcp)
                tcp.rows.push_back(i);
        for (auto* group : {&mptcp, &unattached, &tcp})
            if (!group->rows.empty())
                m_groups.push_back(std::move(*group));
    }
    endResetModel();
}

int ConnectionTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0)
        return 0;
    switch (levelOf(parent)) {
    case Level::Group: return int(m_groups[std::size_t(parent.row())].rows.size());
    case Level::Connection: {
        const GroupRows& group = m_groups[std::size_t(groupOf(parent))];
        if (group.group == Group::Tcp)
            return 0;
        return int(m_capture->mptcp[group.rows[std::size_t(parent.row())]].subflows.size());
    }
    case Level::Subflow: return 0;
    }
    return 0;
}

int ConnectionTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant ConnectionTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn: return tr("Connection");
    case EndpointsColumn: return tr("Client → server");
    case KindColumn: return tr("Kind");
    case SubflowsColumn: return tr("Subflows");
    case PacketsColumn: return tr("Packets");
    case BytesColumn: return tr("Bytes");
    case ShareColumn: return tr("Share");
    case DurationColumn: return tr("Duration");
    case ColumnCount: break;
    }
    return {};
}

QVariant ConnectionTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_capture)
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() >= SubflowsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    switch (levelOf(index)) {
    case Level::Group: return groupData(m_groups[std::size_t(index.row())], index.column(), role);
    case Level::Connection:
        return connectionData(m_groups[std::size_t(groupOf(index))], index.row(), index.column(), role);
    case Level::Subflow: {
        const GroupRows& group = m_groups[std::size_t(groupOf(index))];
        return subflowData(group.rows[std::size_t(connectionRowOf(index))], index.row(), index.column(), role);
    }
    }
    return {};
}

QVariant ConnectionTreeModel::groupData(const GroupRows& group, int column, int role) const
{
    if (role == ItemKindRole)
        return int(ItemKind::Group);
    if (role == StreamIdRole || role == MptcpIdRole)
        return -1;
    if (role == SortRole)
        return int(group.group);
    if (role != Qt::DisplayRole || column != NameColumn)
        return {};
    const auto count = qlonglong(group.rows.size());
    switch (group.group) {
    case Group::Mptcp: return tr("MPTCP connections (%1)").arg(count);
    case Group::Unattached: return tr("Unattached subflows (%1)").arg(count);
    case Group::Tcp: return tr("Plain TCP connections (%1)").arg(count);
    }
    return {};
}

QVariant ConnectionTreeModel::connectionData(const GroupRows& group, int row, int column, int role) const
{
    const std::uint32_t item = group.rows[std::size_t(row)];
    if (group.group == Group::Tcp)
        return plainTcpData(item, column, role);
    return mptcpData(item, column, role);
}

QVariant ConnectionTreeModel::mptcpData(std::uint32_t mptcpIndex, int column, int role) const
{
    using core::Direction;
    const auto& m = m_capture->mptcp[mptcpIndex];
    const auto& first = m_capture->tcp[m.subflows.front().value];
    const std::uint64_t dataBytes = m.stats(Direction::ClientToServer).dataBytes +
                                    m.stats(Direction::ServerToClient).dataBytes;
    std::uint64_t packets = 0;
    for (const auto stream : m.subflows)
        packets += m_capture->tcp[stream.value].packets();
    const double duration = double(m.lastNs - m.firstNs) / 1e9;

    switch (role) {
    case ItemKindRole: return int(ItemKind::Mptcp);
    case StreamIdRole: return -1;
    case MptcpIdRole: return m.id.value;
    case WiresharkFilterRole: return text::mptcpStreamFilter(m.id.value);
    case SubflowsFilterRole: return text::subflowsFilter(m);
    case FilterTextRole: {
        QStringList words{QStringLiteral("mptcp.stream %1").arg(m.id.value), tokenText(m.client), tokenText(m.server)};
        for (const auto stream : m.subflows) {
            const auto& tcp = m_capture->tcp[stream.value];
            words << QStringLiteral("tcp.stream %1").arg(stream.value) << text::endpoint(tcp.client)
                  << text::endpoint(tcp.server);
        }
        return words.join(QLatin1Char(' '));
    }
    case Qt::ToolTipRole:
        if (m.joinToken)
            return tr("An MP_JOIN to token %1, which no connection in the capture has").arg(*m.joinToken);
        if (!m.handshakeCaptured && !m.unattached)
            return tr("Handshake not captured: keys unknown; the subflows belong together because their data "
                      "sequence numbers and data acks prove it");
        return tr("Client token %1, server token %2").arg(tokenText(m.client), tokenText(m.server));
    case SortRole:
    case Qt::DisplayRole: break;
    default: return {};
    }
    const bool sort = role == SortRole;
    switch (Column(column)) {
    case NameColumn: return sort ? QVariant(m.id.value) : tr("mptcp.stream %1").arg(m.id.value);
    case EndpointsColumn: // the MPTCP client first, also when the first subflow's TCP client is the server
        return first.subflow.reversed
                   ? QStringLiteral("%1 → %2").arg(text::endpoint(first.server), text::endpoint(first.client))
                   : path(first);
    case KindColumn:
        if (m.unattached)
            return m.joinToken ? tr("unattached MP_JOIN") : tr("unattached");
        if (!m.handshakeCaptured)
            return tr("handshake not captured");
        return m.version ? tr("MPTCP v%1").arg(*m.version) : tr("MPTCP");
    case SubflowsColumn: return qulonglong(m.subflows.size());
    case PacketsColumn: return qulonglong(packets);
    case BytesColumn: return bytesCell(sort, dataBytes);
    case ShareColumn: return {};
    case DurationColumn: return secondsCell(sort, duration);
    case ColumnCount: break;
    }
    return {};
}

QVariant ConnectionTreeModel::subflowData(std::uint32_t mptcpIndex, int subflowRow, int column, int role) const
{
    using core::Direction;
    const auto& m = m_capture->mptcp[mptcpIndex];
    const auto& stats = m.subflowStats[std::size_t(subflowRow)];
    const auto& tcp = m_capture->tcp[stats.stream.value];
    const std::uint64_t bytes = stats.payloadBytes[0] + stats.payloadBytes[1];
    const std::uint64_t total = m.stats(Direction::ClientToServer).dataBytes +
                                m.stats(Direction::ServerToClient).dataBytes;
    const double share = total ? double(stats.firstCarriedBytes[0] + stats.firstCarriedBytes[1]) / double(total) : 0.0;
    const double duration = double(tcp.lastNs - tcp.firstNs) / 1e9;

    switch (role) {
    case ItemKindRole: return int(ItemKind::Subflow);
    case StreamIdRole: return tcp.stream.value;
    case MptcpIdRole: return m.id.value;
    case WiresharkFilterRole: return text::tcpStreamFilter(tcp.stream.value);
    case FilterTextRole:
        return QStringLiteral("tcp.stream %1 mptcp.stream %2 %3 %4")
            .arg(tcp.stream.value)
            .arg(m.id.value)
            .arg(text::endpoint(tcp.client), text::endpoint(tcp.server));
    case SortRole:
    case Qt::DisplayRole: break;
    default: return {};
    }
    const bool sort = role == SortRole;
    switch (Column(column)) {
    case NameColumn: return sort ? QVariant(tcp.stream.value) : tr("tcp.stream %1").arg(tcp.stream.value);
    case EndpointsColumn: return path(tcp);
    case KindColumn: {
        QString kind;
        switch (tcp.subflow.role) {
        case core::SubflowRole::Initial: kind = tr("initial"); break;
        case core::SubflowRole::Join: kind = tr("join"); break;
        case core::SubflowRole::None: kind = tr("no handshake"); break;
        }
        if (tcp.subflow.wiresharkMptcp)
            kind = m.handshakeCaptured
                       ? tr("attached (Wireshark: mptcp.stream %1)").arg(tcp.subflow.wiresharkMptcp->value)
                       : tr("grouped (Wireshark: mptcp.stream %1)").arg(tcp.subflow.wiresharkMptcp->value);
        if (tcp.subflow.inferredIsn[0] || tcp.subflow.inferredIsn[1])
            kind += tr(", ISN inferred");
        if (tcp.subflow.backup)
            kind += tr(", backup");
        return kind;
    }
    case SubflowsColumn: return {};
    case PacketsColumn: return qulonglong(tcp.packets());
    case BytesColumn: return bytesCell(sort, bytes);
    case ShareColumn: return sort ? QVariant(share) : QVariant(text::percent(share));
    case DurationColumn: return secondsCell(sort, duration);
    case ColumnCount: break;
    }
    return {};
}

QVariant ConnectionTreeModel::plainTcpData(std::uint32_t stream, int column, int role) const
{
    using core::Direction;
    const auto& tcp = m_capture->tcp[stream];
    const std::uint64_t bytes = tcp.stats(Direction::ClientToServer).payloadBytes +
                                tcp.stats(Direction::ServerToClient).payloadBytes;
    const double duration = double(tcp.lastNs - tcp.firstNs) / 1e9;
    switch (role) {
    case ItemKindRole: return int(ItemKind::Tcp);
    case StreamIdRole: return stream;
    case MptcpIdRole: return -1;
    case WiresharkFilterRole: return text::tcpStreamFilter(stream);
    case FilterTextRole:
        return QStringLiteral("tcp.stream %1 %2 %3")
            .arg(stream)
            .arg(text::endpoint(tcp.client), text::endpoint(tcp.server));
    case SortRole:
    case Qt::DisplayRole: break;
    default: return {};
    }
    const bool sort = role == SortRole;
    switch (Column(column)) {
    case NameColumn: return sort ? QVariant(stream) : tr("tcp.stream %1").arg(stream);
    case EndpointsColumn: return path(tcp);
    case KindColumn: return tcp.subflow.fellBack ? tr("TCP (MPTCP fallback)") : tr("TCP");
    case SubflowsColumn: return {};
    case PacketsColumn: return qulonglong(tcp.packets());
    case BytesColumn: return bytesCell(sort, bytes);
    case ShareColumn: return {};
    case DurationColumn: return secondsCell(sort, duration);
    case ColumnCount: break;
    }
    return {};
}

QModelIndex ConnectionTreeModel::indexOfMptcp(unsigned id) const
{
    for (int g = 0; g < int(m_groups.size()); ++g) {
        if (m_groups[std::size_t(g)].group == Group::Tcp)
            continue;
        const auto& rows = m_groups[std::size_t(g)].rows;
        for (int r = 0; r < int(rows.size()); ++r)
            if (m_capture->mptcp[rows[std::size_t(r)]].id.value == id)
                return index(r, 0, index(g, 0));
    }
    return {};
}

QModelIndex ConnectionTreeModel::indexOfTcp(unsigned stream) const
{
    if (!m_capture || stream >= m_capture->tcp.size())
        return {};
    const auto& tcp = m_capture->tcp[stream];
    for (int g = 0; g < int(m_groups.size()); ++g) {
        const auto& group = m_groups[std::size_t(g)];
        const auto& rows = group.rows;
        for (int r = 0; r < int(rows.size()); ++r) {
            if (group.group == Group::Tcp) {
                if (rows[std::size_t(r)] == stream)
                    return index(r, 0, index(g, 0));
                continue;
            }
            const auto& m = m_capture->mptcp[rows[std::size_t(r)]];
            if (!tcp.mptcp || m.id != *tcp.mptcp)
                continue;
            for (int s = 0; s < int(m.subflows.size()); ++s)
                if (m.subflows[std::size_t(s)].value == stream)
                    return index(s, 0, index(r, 0, index(g, 0)));
        }
    }
    return {};
}

} // namespace app
