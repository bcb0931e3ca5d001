#include "detail_pane.h"

#include "chart_computer.h"
#include "chart_panel.h"
#include "compact_header_view.h"
#include "event_table_model.h"
#include "model/capture.h"
#include "reinjection_table_model.h"
#include "series/receive_reordering.h"
#include "subflow_table_model.h"
#include "text/formatting.h"
#include "text/wireshark_filter.h"
#include "vector_state.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace app {
namespace {

QString keyRow(const QString& role, const core::MptcpKeyInfo& info)
{
    const QString unknown = DetailPane::tr("unknown");
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td><td>%4</td></tr>")
        .arg(role, info.key ? QString::number(*info.key) : unknown,
             info.tokenKnown ? QStringLiteral("%1 (0x%2)").arg(info.token).arg(info.token, 8, 16, QLatin1Char('0'))
                             : unknown,
             info.key ? QString::number(info.idsn) : unknown);
}

// What was inferred for a connection whose handshake is not in the capture: one line of
// explanation, then the values marked as inferred.
QString inferredNote(const core::Capture& capture, const core::MptcpConnection& m)
{
    if (m.handshakeCaptured)
        return {};
    QString html = QStringLiteral("<p><i>%1</i>")
                       .arg(m.joinToken ? DetailPane::tr("An MP_JOIN to token %1, which no connection in the capture "
                                                         "has: its connection's handshake is not in the capture.")
                                              .arg(*m.joinToken)
                            : m.unattached
                                ? DetailPane::tr("Handshake not captured, and nothing ties this subflow to another: "
                                                 "its keys are unknown.")
                                : DetailPane::tr("Handshake not captured: the keys are unknown; these subflows are "
                                                 "one connection because their data acks and data sequence "
                                                 "numbers prove it."));
    QStringList isns;
    for (const auto stream : m.subflows) {
        const auto& tcp = capture.tcp[stream.value];
        QStringList sides;
        for (const auto d : {core::Direction::ClientToServer, core::Direction::ServerToClient})
            if (const auto& isn = tcp.subflow.inferredIsn[index(d)])
                sides << DetailPane::tr("%1 from %2")
                             .arg(*isn)
                             .arg(text::endpoint(d == core::Direction::ClientToServer ? tcp.client : tcp.server));
        if (!sides.isEmpty())
            isns << DetailPane::tr("tcp.stream %1: %2").arg(stream.value).arg(sides.join(QStringLiteral(", ")));
    }
    if (!isns.isEmpty())
        html += QStringLiteral("<br>") +
                DetailPane::tr("ISN <b>inferred</b> from the DSS mappings (SYN not captured): %1")
                    .arg(isns.join(QStringLiteral("; ")));
    if (m.dsnUpperBitsUnknown[0] || m.dsnUpperBitsUnknown[1])
        html += QStringLiteral("<br>") + DetailPane::tr("Only 32-bit data sequence numbers: their upper 32 bits are "
                                                        "unknown; charts count from the lowest seen.");
    return html + QStringLiteral("</p>");
}

// Head-of-line blocking at the data level, one line per direction that carried data: the
// out-of-order queue replayed from this capture (the receiver's when captured at the receiver).
QString reorderingLines(const core::Capture& capture, const core::MptcpConnection& m)
{
    QStringList lines;
    for (const auto d : {core::Direction::ClientToServer, core::Direction::ServerToClient}) {
        const auto r = core::connectionReordering(capture, m, d);
        const auto& f = r.figures;
        if (f.bytes == 0)
            continue;
        QString line = DetailPane::tr("%1 reordering at the capture point: queue max %2, p95 %3 (time-weighted); "
                                      "wait max %4, p95 %5 (byte-weighted)")
                           .arg(d == core::Direction::ClientToServer ? DetailPane::tr("Client → server")
                                                                     : DetailPane::tr("Server → client"),
                                text::bytes(f.maxQueueBytes), text::bytes(f.p95QueueBytes),
                                text::seconds(double(f.maxWaitNs) / 1e9), text::seconds(double(f.p95WaitNs) / 1e9));
        if (f.neverDeliverableBytes > 0)
            line += DetailPane::tr("; %1 never deliverable (a hole never filled)")
                        .arg(text::bytes(f.neverDeliverableBytes));
        lines << line + QLatin1Char('.');
    }
    return lines.isEmpty() ? QString()
                           : QStringLiteral("<p>") + lines.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
}

} // namespace

DetailPane::DetailPane(QWidget* parent)
    : QWidget(parent)
    , m_subflows(new SubflowTableModel(this))
    , m_events(new EventTableModel(this))
    , m_reinjections(new ReinjectionTableModel(this))
{
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_header->setMargin(6);

    m_tabs = new QTabWidget(this);
    m_subflowView = makeTable(m_subflows, QStringLiteral("subflows.csv"));
    m_eventView = makeTable(m_events, QStringLiteral("events.csv"));
    m_tabs->addTab(m_subflowView, tr("&Subflows"));
    m_tabs->addTab(m_eventView, tr("&Events"));
    m_reinjectionTab = m_tabs->addTab(makeReinjectionTab(), tr("&Reinjections"));
    m_charts = new ChartPanel(this);
    m_tabs->addTab(m_charts, tr("C&harts"));
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int index) { m_charts->setActive(m_tabs->widget(index) == m_charts); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    clear();
}

QTableView* DetailPane::makeTable(QAbstractItemModel* model, const QString& csvName)
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(SubflowTableModel::SortRole);
    auto* view = new QTableView(this);
    view->setHorizontalHeader(new CompactHeaderView(view));
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setResizeContentsPrecision(50); // column sizing stays cheap on long tables
    // The sorted column draws an arrow: give it the room.
    connect(view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, view, [view](int column) {
        if (column >= 0)
            view->resizeColumnToContents(column);
    });
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view, csvName](const QPoint& at) {
        QMenu menu;
        menu.addAction(tr("Export as CSV…"), this, [this, view, csvName] { emit exportCsvRequested(view, csvName); });
        menu.exec(view->viewport()->mapToGlobal(at));
    });
    return view;
}

QWidget* DetailPane::makeReinjectionTab()
{
    auto* tab = new QWidget(this);
    m_reinjectionSummary = new QLabel(tab);
    m_reinjectionSummary->setWordWrap(true);
    m_reinjectionSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reinjectionSummary->setMargin(4);
    m_reinjectionView = makeTable(m_reinjections, QStringLiteral("reinjections.csv"));
    m_reinjectionView->setParent(tab);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reinjectionSummary);
    layout->addWidget(m_reinjectionView, 1);
    return tab;
}

void DetailPane::showReinjectionCount(std::size_t count)
{
    m_tabs->setTabText(m_reinjectionTab, count ? tr("&Reinjections (%1)").arg(count) : tr("&Reinjections"));
}

QString DetailPane::reinjectionSummary() const { return m_reinjectionSummary->text(); }

void DetailPane::showMptcp(const CapturePtr& capture, unsigned mptcpId)
{
    const auto* m = capture->findMptcp(core::MptcpId(mptcpId));
    if (!m) {
        clear();
        return;
    }
    const auto index = std::size_t(m - capture->mptcp.data());
    using core::Direction;
    const auto& c2s = m->stats(Direction::ClientToServer);
    const auto& s2c = m->stats(Direction::ServerToClient);
    QString html = tr("<h3>mptcp.stream %1 — %2</h3>")
                       .arg(mptcpId)
                       .arg(m->unattached           ? tr("unattached subflow (its connection is not in the capture)")
                            : !m->handshakeCaptured ? tr("MPTCP, handshake not captured")
                            : m->version            ? tr("MPTCP version %1").arg(*m->version)
                                                    : tr("MPTCP"));
    html += inferredNote(*capture, *m);
    html += QStringLiteral("<table cellspacing=\"6\"><tr><th></th><th align=\"left\">%1</th><th "
                           "align=\"left\">%2</th><th align=\"left\">%3</th></tr>")
                .arg(tr("Key"), tr("Token"), tr("IDSN"));
    html += keyRow(tr("Client"), m->client) + keyRow(tr("Server"), m->server) + QStringLiteral("</table>");
    html += tr("<p>Client → server: %1 of data, %2 reinjected, goodput %3.<br>"
               "Server → client: %4 of data, %5 reinjected, goodput %6.<br>"
               "Wireshark: <code>%7</code> or <code>%8</code></p>")
                .arg(text::bytes(c2s.dataBytes), text::bytes(c2s.reinjectedBytes), text::bitRate(c2s.goodputBps()),
                     text::bytes(s2c.dataBytes), text::bytes(s2c.reinjectedBytes), text::bitRate(s2c.goodputBps()),
                     text::mptcpStreamFilter(mptcpId), text::subflowsFilter(*m));
    showHeaderWithReordering(html, capture, index);
    m_subflows->showMptcp(capture, index);
    m_events->showMptcp(capture, index);
    m_tabs->setTabText(1, tr("&Events (%1)").arg(m->events.size()));
    m_reinjections->showMptcp(capture, index);
    m_reinjectionSummary->setText(m_reinjections->summaryText());
    showReinjectionCount(m->reinjections.size());
    m_verdictsFor.reset();
    if (m_pair && !m->reinjections.empty()) {
        m_verdictsFor = firstCaptureMptcp(*m_pair, capture, mptcpId);
        m_shownInFirst = capture == m_pair->first;
        showVerdicts();
    }
    m_subflowView->resizeColumnsToContents();
    m_eventView->resizeColumnsToContents();
    m_reinjectionView->resizeColumnsToContents();
    m_charts->showMptcp(capture, mptcpId);
}

void DetailPane::showTcp(const CapturePtr& capture, unsigned stream)
{
    const auto& tcp = capture->tcp[stream];
    using core::Direction;
    QString html = tr("<h3>tcp.stream %1 — plain TCP%2</h3>")
                       .arg(stream)
                       .arg(tcp.subflow.fellBack ? tr(" (MPTCP was offered and fell back)") : QString());
    html += tr("<p>%1 → %2, %3 packets, handshake RTT %4.<br>Wireshark: <code>%5</code></p>")
                .arg(text::endpoint(tcp.client), text::endpoint(tcp.server))
                .arg(tcp.packets())
                .arg(tcp.rttSeconds > 0 ? text::seconds(tcp.rttSeconds) : tr("unknown"), text::tcpStreamFilter(stream));
    ++m_headerGeneration;
    m_header->setText(html);
    m_subflows->showTcp(capture, stream);
    m_events->clear();
    m_tabs->setTabText(1, tr("&Events"));
    m_reinjections->clear();
    m_verdictsFor.reset();
    m_reinjectionSummary->setText(tr("A plain TCP connection has no reinjections: see its retransmissions on the "
                                     "sequence chart."));
    showReinjectionCount(0);
    m_subflowView->resizeColumnsToContents();
    m_charts->showTcp(capture, stream);
}

// The reordering lines replay the connection's packets (two passes over the packet table):
// on a worker, with "…" in their place until they are ready.
void DetailPane::showHeaderWithReordering(const QString& html, const CapturePtr& capture, std::size_t mptcpIndex)
{
    const quint64 generation = ++m_headerGeneration;
    m_header->setText(html + QStringLiteral("<p>") + tr("Reordering at the capture point: …") + QStringLiteral("</p>"));
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, html, generation] {
        watcher->deleteLater();
        if (generation == m_headerGeneration && watcher->future().resultCount() > 0) {
            m_header->setText(html + watcher->result());
            emit headerComplete();
        }
    });
    watcher->setFuture(QtConcurrent::run([capture, mptcpIndex] {
        core::clearUpperVectorState();
        yieldToTheGui();
        return reorderingLines(*capture, capture->mptcp[mptcpIndex]);
    }));
}

void DetailPane::clear()
{
    ++m_headerGeneration;
    m_header->setText(tr("<p>Select a connection in the tree to see its subflows and events.</p>"));
    m_subflows->clear();
    m_events->clear();
    m_reinjections->clear();
    m_verdictsFor.reset();
    m_reinjectionSummary->clear();
    m_charts->clear();
}

void DetailPane::setPair(PairPtr pair, OneWayDelayCache* analyses)
{
    if (m_analyses)
        m_analyses->disconnect(this);
    m_pair = std::move(pair);
    m_analyses = m_pair ? analyses : nullptr;
    m_verdictsFor.reset();
    if (m_analyses) {
        const auto shown = [this](PairConnection connection) { return m_verdictsFor == connection; };
        connect(m_analyses, &OneWayDelayCache::ready, this, [this, shown](PairConnection connection) {
            if (shown(connection))
                showVerdicts();
        });
        connect(m_analyses, &OneWayDelayCache::failed, this,
                [this, shown](PairConnection connection, const QString& message) {
            if (shown(connection))
                m_reinjectionSummary->setText(m_reinjections->summaryText() + QLatin1Char('\n') +
                                              tr("No verdicts: %1").arg(message));
        });
    }
    m_charts->setPair(m_pair, m_analyses);
}

// The verdicts of the shown connection's reinjections, or a request for them.
void DetailPane::showVerdicts()
{
    if (!m_verdictsFor || !m_analyses)
        return;
    auto verdicts = m_analyses->verdicts(*m_verdictsFor);
    if (!verdicts) {
        m_analyses->request(*m_verdictsFor);
        m_reinjectionSummary->setText(m_reinjections->summaryText() + QLatin1Char('\n') +
                                      tr("Verdicts from the other capture: computing…"));
        return;
    }
    m_reinjections->setVerdicts(std::move(verdicts), m_shownInFirst);
    m_reinjectionSummary->setText(m_reinjections->summaryText());
    m_reinjectionView->resizeColumnsToContents();
}

QString DetailPane::headerText() const { return m_header->text(); }

} // namespace app
