#include "one_way_delay_cache.h"

#include "model/capture.h"
#include "vector_state.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>
#include <variant>

namespace app {

// Read at most once per pair, by whichever job needs them first.
struct OneWayDelayCache::Stamps {
    std::once_flag once;
    std::optional<std::vector<core::compare::PacketStamp>> first;
    std::optional<std::vector<core::compare::PacketStamp>> second;
    std::string error;
};

namespace {

struct Analysis {
    DelaysPtr delays;
    VerdictsPtr verdicts;
};
using Outcome = std::variant<Analysis, QString>;

} // namespace

std::vector<core::compare::TcpMatch> matchedSubflowsOf(const LoadedPair& pair, PairConnection connection)
{
    if (connection.mptcp)
        return core::compare::matchedSubflows(*pair.first, pair.map, core::MptcpId(connection.id));
    if (const auto* match = pair.map.tcpOfFirst(core::TcpStreamId(connection.id)))
        return {*match};
    return {};
}

std::optional<PairConnection> firstCaptureMptcp(const LoadedPair& pair, const CapturePtr& capture, std::uint32_t id)
{
    if (capture == pair.first)
        return pair.map.mptcpOfFirst(core::MptcpId(id)) ? std::optional(PairConnection{true, id}) : std::nullopt;
    for (const auto& match : pair.map.mptcp)
        if (match.second.value == id)
            return PairConnection{true, match.first.value};
    return std::nullopt;
}

OneWayDelayCache::OneWayDelayCache(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<app::PairConnection>();
}

OneWayDelayCache::~OneWayDelayCache() = default;

void OneWayDelayCache::setPair(PairPtr pair)
{
    ++m_generation;
    m_pair = std::move(pair);
    m_stamps = std::make_shared<Stamps>();
    m_delays.clear();
    m_verdicts.clear();
    m_errors.clear();
    m_running.clear();
}

DelaysPtr OneWayDelayCache::find(PairConnection connection) const
{
    const auto found = m_delays.find(connection);
    return found == m_delays.end() ? nullptr : found->second;
}

VerdictsPtr OneWayDelayCache::verdicts(PairConnection connection) const
{
    const auto found = m_verdicts.find(connection);
    return found == m_verdicts.end() ? nullptr : found->second;
}

QString OneWayDelayCache::errorOf(PairConnection connection) const
{
    const auto found = m_errors.find(connection);
    return found == m_errors.end() ? QString() : found->second;
}

void OneWayDelayCache::request(PairConnection connection)
{
    if (!m_pair || find(connection) || m_errors.contains(connection) || m_running.contains(connection))
        return;
    m_running.insert(connection);
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, connection, generation = m_generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        m_running.erase(connection);
        const Outcome outcome = watcher->result();
        if (const auto* analysis = std::get_if<Analysis>(&outcome)) {
            m_delays[connection] = analysis->delays;
            if (analysis->verdicts)
                m_verdicts[connection] = analysis->verdicts;
            emit ready(connection);
        } else {
            m_errors[connection] = std::get<QString>(outcome);
            emit failed(connection, m_errors[connection]);
        }
    });
    watcher->setFuture(QtConcurrent::run([pair = m_pair, stamps = m_stamps, connection]() -> Outcome {
        core::clearUpperVectorState();
        std::call_once(stamps->once, [&] {
            stamps->first = core::compare::readPacketStamps(pair->first->path, stamps->error);
            if (stamps->first)
                stamps->second = core::compare::readPacketStamps(pair->second->path, stamps->error);
        });
        if (!stamps->first || !stamps->second)
            return QString::fromStdString(stamps->error);
        const auto subflows = matchedSubflowsOf(*pair, connection);
        if (subflows.empty())
            return QCoreApplication::translate("app::OneWayDelayCache",
                                               "this connection has no matched subflow in the other capture");
        Analysis analysis;
        analysis.delays = std::make_shared<const core::compare::ConnectionDelays>(
            core::compare::oneWayDelays(*pair->first, *pair->second, *stamps->first, *stamps->second, subflows));
        if (const auto* match = connection.mptcp ? pair->map.mptcpOfFirst(core::MptcpId(connection.id)) : nullptr)
            analysis.verdicts = std::make_shared<const core::compare::ReinjectionVerdicts>(
                core::compare::qualifyReinjections(*pair->first, *pair->second, *match, subflows, *analysis.delays));
        return analysis;
    }));
}

} // namespace app
