// The chart panel's one-way delay chart: available with a pair, computed on a worker thread
// by the OneWayDelayCache, drawn when the delays are ready.
#include "chart_panel.h"

#include "chart_view.h"
#include "charts/one_way_delay_chart.h"
#include "model/capture.h"
#include "one_way_delay_cache.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

namespace app {

void ChartPanel::setPair(PairPtr pair, OneWayDelayCache* delays)
{
    if (m_delays)
        m_delays->disconnect(this);
    m_pair = std::move(pair);
    m_delays = m_pair ? delays : nullptr;
    if (m_delays) {
        // Delays make the one-way delay chart; verdicts colour the DSN chart's reinjections.
        const auto current = [this](PairConnection connection) {
            const auto kind = charts::ChartKind(m_kind->currentData().toInt());
            if (kind == charts::ChartKind::OneWayDelay)
                return connection == PairConnection{m_mptcp, m_id};
            return kind == charts::ChartKind::Sequence && m_mptcp && m_capture &&
                   firstCaptureMptcp(*m_pair, m_capture, m_id) == connection;
        };
        connect(m_delays, &OneWayDelayCache::ready, this, [this, current](PairConnection connection) {
            if (current(connection)) {
                m_dirty = true;
                rebuild();
            }
        });
        connect(m_delays, &OneWayDelayCache::failed, this, [this, current](PairConnection connection) {
            if (current(connection)) {
                m_dirty = true;
                rebuild();
            }
        });
    }
    if (!m_pair && m_kind->currentData().toInt() == int(charts::ChartKind::OneWayDelay)) {
        const QSignalBlocker blocker(m_kind);
        m_kind->setCurrentIndex(0);
    }
}

// The verdicts of the shown MPTCP connection's reinjection packets, once the pair's analysis
// of it is ready (the detail pane asks for it).
ChartPanel::RowVerdictsPtr ChartPanel::reinjectionVerdicts() const
{
    if (!m_pair || !m_delays || !m_capture || !m_mptcp)
        return nullptr;
    const auto connection = firstCaptureMptcp(*m_pair, m_capture, m_id);
    const VerdictsPtr verdicts = connection ? m_delays->verdicts(*connection) : nullptr;
    if (!verdicts)
        return nullptr;
    return RowVerdictsPtr(verdicts,
                          m_capture == m_pair->first ? &verdicts->rowVerdictsFirst : &verdicts->rowVerdictsSecond);
}

// Delays are of the first capture's connections that have a counterpart in the second.
bool ChartPanel::oneWayDelayAvailable() const
{
    if (!m_pair || !m_delays || !m_capture || m_capture != m_pair->first)
        return false;
    return !matchedSubflowsOf(*m_pair, PairConnection{m_mptcp, m_id}).empty();
}

void ChartPanel::showChartOrMessage(QChart* chart, const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_view->setChart(chart ? chart : new QChart());
    m_save->setEnabled(chart != nullptr);
}

void ChartPanel::rebuildOneWayDelay()
{
    if (!oneWayDelayAvailable()) {
        showChartOrMessage(nullptr, m_pair && m_capture != m_pair->first
                                        ? tr("One-way delays are drawn for the first capture's connections: show "
                                             "the details of %1")
                                              .arg(QFileInfo(m_pair->firstPath).fileName())
                                        : tr("One-way delays need this connection in both captures of a pair "
                                             "(File ▸ Open Pair…)"));
        return;
    }
    const PairConnection connection{m_mptcp, m_id};
    if (const QString error = m_delays->errorOf(connection); !error.isEmpty()) {
        showChartOrMessage(nullptr, tr("One-way delays could not be computed: %1").arg(error));
        return;
    }
    const DelaysPtr delays = m_delays->find(connection);
    if (!delays) {
        showChartOrMessage(nullptr, tr("Computing one-way delays… (both files are read again)"));
        m_delays->request(connection);
        return;
    }
    QString error;
    QChart* chart = charts::buildOneWayDelayChart(m_pair, *delays, request(), &error);
    showChartOrMessage(chart, chart ? QString() : error);
}

} // namespace app
