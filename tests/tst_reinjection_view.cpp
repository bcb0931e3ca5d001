// The reinjections in the GUI, on sample k (random loss on two paths): the detail pane's
// Reinjections tab and the DSN chart's links from each original to its reinjection, with a
// hover that names both packets.
#include "test_data.h"

#include "chart_view.h"
#include "charts/chart_builder.h"
#include "charts/reinjection_link_item.h"
#include "csv_export.h"
#include "detail_pane.h"
#include "load/loader.h"
#include "metrics/reinjections.h"
#include "model/capture.h"
#include "reinjection_table_model.h"

#include <QChart>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QValueAxis>

#include <set>
#include <utility>

class TestReinjectionView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tabListsEveryReinjection();
    void chartLinksEachReinjectionToItsOriginal_data();
    void chartLinksEachReinjectionToItsOriginal();

private:
    app::CapturePtr m_sample;
};

void TestReinjectionView::initTestCase()
{
    const QString path = testdata::samplesDir() + QStringLiteral("/k_lossy_paths_two_delays.pcap");
    m_sample = core::load(path.toStdString()).capture;
    QVERIFY(m_sample);
    QVERIFY(!m_sample->mptcp.empty() && !m_sample->mptcp.front().reinjections.empty());
}

void TestReinjectionView::tabListsEveryReinjection()
{
    app::DetailPane pane;
    pane.showMptcp(m_sample, 0);
    const auto& m = *m_sample->findMptcp(core::MptcpId(0));
    const int count = int(m.reinjections.size());
    QCOMPARE(pane.reinjectionModel()->rowCount(), count);
    QCOMPARE(pane.reinjectionView()->model()->rowCount(), count);
    const QString tab = pane.tabs()->tabText(pane.tabs()->indexOf(pane.reinjectionView()->parentWidget()));
    QVERIFY2(tab.contains(QString::number(count)), qPrintable(tab));

    // One summary line per direction with the figures the CLI prints.
    const QString summary = pane.reinjectionSummary();
    for (const auto d : {core::Direction::ClientToServer, core::Direction::ServerToClient}) {
        const auto totals = core::reinjectionTotals(m_sample->table, m, d);
        QVERIFY(totals.count > 0);
        QVERIFY2(summary.contains(QStringLiteral("%1 reinjected range").arg(totals.count)), qPrintable(summary));
        for (const auto& flow : totals.flows)
            QVERIFY2(summary.contains(QStringLiteral("tcp.stream %1 → %2").arg(flow.from.value).arg(flow.to.value)),
                     qPrintable(summary));
    }

    // The CSV export has the raw numbers: a header and one line per range, bytes adding up to
    // the connection's reinjected bytes.
    const QStringList lines =
        app::toCsv(*pane.reinjectionView()->model()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), count + 1);
    qulonglong bytes = 0;
    for (int row = 0; row < count; ++row)
        bytes += pane.reinjectionModel()
                     ->data(pane.reinjectionModel()->index(row, app::ReinjectionTableModel::BytesColumn),
                            app::ReinjectionTableModel::SortRole)
                     .toULongLong();
    QCOMPARE(bytes, qulonglong(m.stats(core::Direction::ClientToServer).reinjectedBytes +
                               m.stats(core::Direction::ServerToClient).reinjectedBytes));

    // A plain TCP connection empties the tab.
    pane.showTcp(m_sample, 0);
    QCOMPARE(pane.reinjectionModel()->rowCount(), 0);
}

void TestReinjectionView::chartLinksEachReinjectionToItsOriginal_data()
{
    QTest::addColumn<core::Direction>("direction");
    QTest::addRow("client → server") << core::Direction::ClientToServer;
    QTest::addRow("server → client") << core::Direction::ServerToClient;
}

void TestReinjectionView::chartLinksEachReinjectionToItsOriginal()
{
    QFETCH(core::Direction, direction);
    using app::charts::ChartHandle;
    app::ChartView view;
    view.resize(1000, 700);
    view.setChart(
        app::charts::buildChart(m_sample, {app::charts::ChartKind::Sequence, core::MptcpId(0), direction, 0, false}));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* handle = ChartHandle::of(view.chart());
    QVERIFY(handle->reinjectionLinks());

    // Every reinjection packet links to an original packet whose data it carries again.
    const auto& m = *m_sample->findMptcp(core::MptcpId(0));
    std::set<std::pair<std::uint32_t, std::uint32_t>> pairs; // frames
    std::set<std::uint32_t> reinjectionFrames;
    for (const auto& r : m.reinjections) {
        if (r.direction != direction)
            continue;
        for (const auto& p : core::reinjectionPairs(m_sample->table, r)) {
            pairs.emplace(m_sample->table.packet[p.originalRow], m_sample->table.packet[p.reinjectionRow]);
            reinjectionFrames.insert(m_sample->table.packet[p.reinjectionRow]);
        }
    }
    const auto& links = handle->data().sequence.reinjectionLinks;
    std::set<std::uint32_t> linked;
    for (const auto& link : links) {
        QVERIFY(pairs.count({link.originalPacket, link.reinjectionPacket}));
        linked.insert(link.reinjectionPacket);
    }
    QCOMPARE(linked, reinjectionFrames);
    view.grab();
    QVERIFY(handle->reinjectionLinks()->drawnLinks() > 0);

    // Zoomed in on one link's ends, the hover names the packet at the other end.
    const auto& link = links.front();
    const auto& source = handle->hoverSources().front();
    auto* x = qobject_cast<QValueAxis*>(view.chart()->axes(Qt::Horizontal).front());
    auto* y = qobject_cast<QValueAxis*>(view.chart()->axes(Qt::Vertical).front());
    const auto hoverAt = [&](double px, double py) {
        x->setRange(px - 1e-5, px + 1e-5);
        y->setRange(py / source.yScale - 1e-3, py / source.yScale + 1e-3);
        const QPointF inChart = view.chart()->mapToPosition(QPointF(px, py / source.yScale), source.series);
        return view.describePointAt(view.mapFromScene(view.chart()->mapToScene(inChart)));
    };
    const QString atReinjection = hoverAt(link.reinjectionX, link.reinjectionY);
    QVERIFY2(atReinjection.contains(QStringLiteral("packet %1").arg(link.reinjectionPacket)),
             qPrintable(atReinjection));
    QVERIFY2(atReinjection.contains(QStringLiteral("reinjection of packet %1 (tcp.stream %2")
                                        .arg(link.originalPacket)
                                        .arg(link.originalStream)),
             qPrintable(atReinjection));
    const QString atOriginal = hoverAt(link.originalX, link.originalY);
    QVERIFY2(atOriginal.contains(QStringLiteral("reinjected in packet %1 (tcp.stream %2")
                                     .arg(link.reinjectionPacket)
                                     .arg(link.reinjectionStream)),
             qPrintable(atOriginal));
}

QTEST_MAIN(TestReinjectionView)
#include "tst_reinjection_view.moc"
