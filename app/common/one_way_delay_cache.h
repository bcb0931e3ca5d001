#pragma once

#include "capture_pair.h"
#include "compare/one_way_delay.h"
#include "compare/reinjection_verdicts.h"

#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <set>

namespace app {

// Which connection of the pair's first capture: an MPTCP connection or a plain TCP one.
struct PairConnection {
    bool mptcp = true;
    std::uint32_t id = 0; // mptcp.stream or tcp.stream in the first capture
    auto operator<=>(const PairConnection&) const = default;
};

using DelaysPtr = std::shared_ptr<const core::compare::ConnectionDelays>;
using VerdictsPtr = std::shared_ptr<const core::compare::ReinjectionVerdicts>;

// One-way delays of the connections of a pair, and for an MPTCP connection whether each
// reinjection was useful, computed on a worker thread on first request and kept per connection. The packet stamps both computations need are read from the two
// files once per pair (a second pass over each file: never on the GUI thread).
class OneWayDelayCache : public QObject {
    Q_OBJECT
public:
    explicit OneWayDelayCache(QObject* parent = nullptr);
    ~OneWayDelayCache() override;

    void setPair(PairPtr pair); // drops everything of the previous pair
    const PairPtr& pair() const { return m_pair; }

    // The delays when computed, else null; request() starts the computation once.
    DelaysPtr find(PairConnection connection) const;
    VerdictsPtr verdicts(PairConnection connection) const; // MPTCP connections; null until ready
    QString errorOf(PairConnection connection) const;
    void request(PairConnection connection);
    bool isComputing(PairConnection connection) const { return m_running.contains(connection); }

signals:
    void ready(app::PairConnection connection);
    void failed(app::PairConnection connection, const QString& message);

private:
    struct Stamps;
    PairPtr m_pair;
    std::shared_ptr<Stamps> m_stamps;
    std::map<PairConnection, DelaysPtr> m_delays;
    std::map<PairConnection, VerdictsPtr> m_verdicts;
    std::map<PairConnection, QString> m_errors;
    std::set<PairConnection> m_running;
    quint64 m_generation = 0;
};

// The matched subflows whose delays a connection of the first capture has (empty if unmatched).
std::vector<core::compare::TcpMatch> matchedSubflowsOf(const LoadedPair& pair, PairConnection connection);

// The first capture's MPTCP connection that one of `capture` (either capture of the pair) is
// or is matched to; nothing when it has no counterpart.
std::optional<PairConnection> firstCaptureMptcp(const LoadedPair& pair, const CapturePtr& capture, std::uint32_t id);

} // namespace app

Q_DECLARE_METATYPE(app::PairConnection)
