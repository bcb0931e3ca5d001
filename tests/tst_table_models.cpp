// The subflow and event tables of the detail pane, and their CSV export: the model contract
// (QAbstractItemModelTester) through every way the tables change, every cell against the
// figures core::load computes from the samples, and the CSV read back field by field. The
// default locale is German, so a figure shown with a decimal comma or grouping dots must still
// be a plain number in the CSV.

#include "csv_export.h"
#include "csv_reader.h"
#include "event_table_model.h"
#include "subflow_table_model.h"
#include "test_data.h"
#include "text/formatting.h"

#include "cut_capture.h"
#include "load/loader.h"
#include "model/capture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

using app::CapturePtr;
using app::EventTableModel;
using app::SubflowTableModel;

namespace {

constexpr auto reportFailures = QAbstractItemModelTester::FailureReportingMode::QtTest;

CapturePtr loadSample(const QString& name)
{
    const QString path = testdata::samplesDir() + QLatin1Char('/') + name;
    return core::load(path.toStdString()).capture;
}

// A figure as the tables show it ("493,7 kB", "80,9 %", "0,488") back to a number, in the
// unit the model's raw value has.
double shownNumber(const QString& text)
{
    static const std::map<QString, double> scale = {{QStringLiteral("B"), 1.0},
                                                    {QStringLiteral("kB"), 1e3},
                                                    {QStringLiteral("MB"), 1e6},
                                                    {QStringLiteral("GB"), 1e9},
                                                    {QStringLiteral("%"), 0.01}};
    const QStringList parts = text.split(QLatin1Char(' '));
    bool ok = false;
    const double number = QLocale().toDouble(parts.value(0), &ok);
    if (!ok)
        return std::nan("");
    if (parts.size() == 1)
        return number;
    const auto unit = scale.find(parts.value(1));
    return unit == scale.end() ? std::nan("") : number * unit->second;
}

// True when `text` shows `value` rounded to what the text can hold (`step` of its last digit).
bool shows(const QString& text, double value, double step)
{
    return std::abs(shownNumber(text) - value) <= step / 2 + 1e-12 * std::abs(value);
}

bool isNumber(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: return true;
    default: return false;
    }
}

} // namespace

class TestTableModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void modelsStayConsistentThroughEveryChange();
    void sortingByAColumnOrdersByItsRawValue();
    void subflowCellsShowTheConnectionFigures();
    void plainTcpCellsShowTheConnectionFigures_data();
    void plainTcpCellsShowTheConnectionFigures();
    void eventCellsShowTheConnectionEvents();
    void csvHoldsWhatTheTableShows_data();
    void csvHoldsWhatTheTableShows();
    void csvQuotesFieldsThatNeedIt();
    void csvWritesAnUnknownRoundTripTimeAsUnknown();
    void writeCsvWritesTheExportedText();

private:
    // Sample b: four subflows; c: two MPTCP connections and plain TCP; e: a backup subflow,
    // ADD_ADDR/REMOVE_ADDR and MP_JOIN events (whose details hold commas); f: a fallback.
    CapturePtr m_b, m_c, m_e, m_f;
};

void TestTableModels::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    m_b = loadSample(QStringLiteral("b_four_subflows_bidir.pcapng"));
    m_c = loadSample(QStringLiteral("c_mptcp_and_tcp_mixed.pcap"));
    m_e = loadSample(QStringLiteral("e_add_remove_addr_backup.pcap"));
    m_f = loadSample(QStringLiteral("f_fallback_to_tcp.pcap"));
    QVERIFY(m_b && m_c && m_e && m_f);
    QCOMPARE(m_b->mptcp.size(), std::size_t(1));
    QCOMPARE(m_c->mptcp.size(), std::size_t(2));
    QCOMPARE(m_e->mptcp.size(), std::size_t(1));
    QVERIFY(m_f->mptcp.empty());
}

void TestTableModels::modelsStayConsistentThroughEveryChange()
{
    SubflowTableModel subflows;
    EventTableModel events;
    QAbstractItemModelTester subflowTester(&subflows, reportFailures);
    QAbstractItemModelTester eventTester(&events, reportFailures);
    QCOMPARE(subflows.rowCount(), 0);
    QCOMPARE(events.rowCount(), 0);
    QCOMPARE(subflows.columnCount(), int(SubflowTableModel::ColumnCount));
    QCOMPARE(events.columnCount(), int(EventTableModel::ColumnCount));

    const auto showMptcp = [&](const CapturePtr& capture, std::size_t index) {
        subflows.showMptcp(capture, index);
        events.showMptcp(capture, index);
        QCOMPARE(subflows.rowCount(), 2 * int(capture->mptcp[index].subflowStats.size()));
        QCOMPARE(events.rowCount(), int(capture->mptcp[index].events.size()));
    };
    const auto showTcp = [&](const CapturePtr& capture, std::uint32_t stream) {
        subflows.showTcp(capture, stream);
        events.clear();
        QCOMPARE(subflows.rowCount(), 2);
        QCOMPARE(events.rowCount(), 0);
    };
    const auto clear = [&] {
        subflows.clear();
        events.clear();
        QCOMPARE(subflows.rowCount(), 0);
        QCOMPARE(events.rowCount(), 0);
    };

    showMptcp(m_e, 0);
    showMptcp(m_b, 0); // more rows
    showMptcp(m_c, 1); // fewer rows, another capture
    showMptcp(m_c, 0); // same capture, another connection
    showTcp(m_c, 4);
    showTcp(m_f, 0); // another capture
    showMptcp(m_e, 0);
    clear();
    clear(); // twice in a row
    showTcp(m_c, 5);
    clear();
    showMptcp(m_b, 0);
}

void TestTableModels::sortingByAColumnOrdersByItsRawValue()
{
    SubflowTableModel subflows;
    EventTableModel events;
    for (QAbstractItemModel* source :
         {static_cast<QAbstractItemModel*>(&subflows), static_cast<QAbstractItemModel*>(&events)}) {
        QSortFilterProxyModel proxy; // as the detail pane sorts the tables
        proxy.setSortRole(Qt::UserRole);
        proxy.setSourceModel(source);
        QAbstractItemModelTester tester(&proxy, reportFailures);
        subflows.showMptcp(m_b, 0);
        events.showMptcp(m_e, 0);
        QVERIFY(proxy.rowCount() > 2);
        for (int column = 0; column < proxy.columnCount(); ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                proxy.sort(column, order);
                for (int row = 1; row < proxy.rowCount(); ++row) {
                    const QVariant before = proxy.index(row - 1, column).data(Qt::UserRole);
                    const QVariant after = proxy.index(row, column).data(Qt::UserRole);
                    if (!isNumber(before))
                        continue;
                    QVERIFY2(order == Qt::AscendingOrder ? before.toDouble() <= after.toDouble()
                                                         : before.toDouble() >= after.toDouble(),
                             qPrintable(QStringLiteral("column %1, rows %2 and %3: %4 then %5")
                                            .arg(column)
                                            .arg(row - 1)
                                            .arg(row)
                                            .arg(before.toString(), after.toString())));
                }
            }
        }
        subflows.clear();
        events.clear();
    }
}

void TestTableModels::subflowCellsShowTheConnectionFigures()
{
    const core::MptcpConnection& mptcp = m_e->mptcp[0];
    SubflowTableModel model;
    model.showMptcp(m_e, 0);
    QCOMPARE(model.rowCount(), 2 * int(mptcp.subflowStats.size()));

    std::set<std::pair<std::uint32_t, int>> seen; // stream, MPTCP direction
    std::array<std::uint64_t, core::directionCount> firstCarried{};
    bool sawBackup = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        const std::uint32_t stream = cell(SubflowTableModel::StreamColumn, SubflowTableModel::SortRole).toUInt();
        QCOMPARE(cell(SubflowTableModel::StreamColumn).toUInt(), stream);
        const QString directionText = cell(SubflowTableModel::DirectionColumn).toString();
        QVERIFY2(directionText == QStringLiteral("C → S") || directionText == QStringLiteral("S → C"),
                 qPrintable(directionText));
        const auto direction = directionText == QStringLiteral("C → S") ? core::Direction::ClientToServer
                                                                        : core::Direction::ServerToClient;
        QVERIFY2(seen.insert({stream, core::index(direction)}).second, "a subflow and direction shown twice");

        const auto subflow = std::find_if(mptcp.subflowStats.begin(), mptcp.subflowStats.end(),
                                          [&](const core::SubflowStats& s) { return s.stream.value == stream; });
        QVERIFY(subflow != mptcp.subflowStats.end());
        const std::size_t subflowIndex = std::size_t(subflow - mptcp.subflowStats.begin());
        const core::TcpConnection& tcp = m_e->tcp[stream];
        const auto tcpDirection = subflow->reversed ? core::opposite(direction) : direction;
        const core::TcpDirectionStats& stats = tcp.stats(tcpDirection);
        const bool fromClient = tcpDirection == core::Direction::ClientToServer;

        QCOMPARE(cell(SubflowTableModel::PathColumn).toString(),
                 app::text::endpoint(fromClient ? tcp.client : tcp.server) + QStringLiteral(" → ") +
                     app::text::endpoint(fromClient ? tcp.server : tcp.client));
        QCOMPARE(cell(SubflowTableModel::PacketsColumn, SubflowTableModel::SortRole).toULongLong(), stats.packets);
        QCOMPARE(cell(SubflowTableModel::PacketsColumn).toULongLong(), stats.packets);
        // The subflow's payload by MPTCP direction is its TCP payload in the matching TCP direction.
        QCOMPARE(subflow->payloadBytes[std::size_t(core::index(direction))], stats.payloadBytes);
        QCOMPARE(cell(SubflowTableModel::BytesColumn, SubflowTableModel::SortRole).toULongLong(), stats.payloadBytes);
        QVERIFY(shows(cell(SubflowTableModel::BytesColumn).toString(), double(stats.payloadBytes), 100));
        QCOMPARE(cell(SubflowTableModel::RetransmittedColumn, SubflowTableModel::SortRole).toULongLong(),
                 stats.retransmittedBytes);
        QVERIFY(shows(cell(SubflowTableModel::RetransmittedColumn).toString(), double(stats.retransmittedBytes), 100));

        const std::uint64_t carried = subflow->firstCarriedBytes[std::size_t(core::index(direction))];
        firstCarried[std::size_t(core::index(direction))] += carried;
        QCOMPARE(cell(SubflowTableModel::DataBytesColumn, SubflowTableModel::SortRole).toULongLong(), carried);
        QVERIFY(shows(cell(SubflowTableModel::DataBytesColumn).toString(), double(carried), 100));
        const double share = double(carried) / double(mptcp.stats(direction).dataBytes);
        QCOMPARE(cell(SubflowTableModel::ShareColumn, SubflowTableModel::SortRole).toDouble(), share);
        QCOMPARE(mptcp.dataShare(subflowIndex, direction), share);
        QVERIFY(shows(cell(SubflowTableModel::ShareColumn).toString(), share, 0.001));

        const double start = double(tcp.firstNs - m_e->firstNs) / 1e9;
        const double end = double(tcp.lastNs - m_e->firstNs) / 1e9;
        QCOMPARE(cell(SubflowTableModel::StartColumn, SubflowTableModel::SortRole).toDouble(), start);
        QVERIFY(shows(cell(SubflowTableModel::StartColumn).toString(), start, 0.001));
        QCOMPARE(cell(SubflowTableModel::EndColumn, SubflowTableModel::SortRole).toDouble(), end);
        QVERIFY(shows(cell(SubflowTableModel::EndColumn).toString(), end, 0.001));
        // Round-trip times of this direction's sender: min / median / p95 / max, sorted by the
        // median; the tooltip adds the handshake's, which every subflow of sample e has.
        QVERIFY(tcp.rttSeconds > 0);
        QVERIFY(stats.rtt.samples > 0);
        QCOMPARE(cell(SubflowTableModel::RttColumn, SubflowTableModel::SortRole).toDouble(),
                 double(stats.rtt.medianNs) / 1e6);
        QCOMPARE(cell(SubflowTableModel::RttColumn).toString(), app::text::compactRttSpread(stats.rtt));
        QVERIFY(cell(SubflowTableModel::RttColumn, Qt::ToolTipRole)
                    .toString()
                    .contains(app::text::seconds(tcp.rttSeconds)));

        QString role = tcp.subflow.role == core::SubflowRole::Initial ? QStringLiteral("initial")
                                                                      : QStringLiteral("join");
        QVERIFY(tcp.subflow.role != core::SubflowRole::None);
        if (tcp.subflow.backup)
            role += QStringLiteral(", backup");
        sawBackup = sawBackup || tcp.subflow.backup;
        QCOMPARE(cell(SubflowTableModel::RoleColumn).toString(), role);

        for (int column = SubflowTableModel::PacketsColumn; column <= SubflowTableModel::RttColumn; ++column)
            QCOMPARE(cell(column, Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    }
    QCOMPARE(seen.size(), std::size_t(model.rowCount()));
    // Each data byte counts for the subflow that carried it first: the shares add up.
    for (const auto d : {core::Direction::ClientToServer, core::Direction::ServerToClient})
        QCOMPARE(firstCarried[std::size_t(core::index(d))], mptcp.stats(d).dataBytes);
    QVERIFY2(sawBackup, "sample e has a backup subflow (MP_PRIO)");
}

void TestTableModels::plainTcpCellsShowTheConnectionFigures_data()
{
    QTest::addColumn<CapturePtr>("capture");
    QTest::addColumn<int>("stream");
    QTest::addColumn<QString>("role");
    QTest::newRow("plain TCP beside MPTCP") << m_c << 4 << QStringLiteral("plain TCP");
    QTest::newRow("MPTCP fallback") << m_f << 0 << QStringLiteral("MPTCP fallback");
}

void TestTableModels::plainTcpCellsShowTheConnectionFigures()
{
    QFETCH(CapturePtr, capture);
    QFETCH(int, stream);
    QFETCH(QString, role);
    const core::TcpConnection& tcp = capture->tcp[std::size_t(stream)];
    QVERIFY(!tcp.mptcp);
    QCOMPARE(tcp.subflow.fellBack, role == QStringLiteral("MPTCP fallback"));

    SubflowTableModel model;
    model.showTcp(capture, std::uint32_t(stream));
    QCOMPARE(model.rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        const auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        const auto direction = core::Direction(row);
        const core::TcpDirectionStats& stats = tcp.stats(direction);
        QCOMPARE(cell(SubflowTableModel::StreamColumn).toInt(), stream);
        QCOMPARE(cell(SubflowTableModel::DirectionColumn).toString(),
                 row == 0 ? QStringLiteral("C → S") : QStringLiteral("S → C"));
        const auto& from = row == 0 ? tcp.client : tcp.server;
        const auto& to = row == 0 ? tcp.server : tcp.client;
        QCOMPARE(cell(SubflowTableModel::PathColumn).toString(),
                 app::text::endpoint(from) + QStringLiteral(" → ") + app::text::endpoint(to));
        QCOMPARE(cell(SubflowTableModel::PacketsColumn, SubflowTableModel::SortRole).toULongLong(), stats.packets);
        QCOMPARE(cell(SubflowTableModel::BytesColumn, SubflowTableModel::SortRole).toULongLong(), stats.payloadBytes);
        QVERIFY(shows(cell(SubflowTableModel::BytesColumn).toString(), double(stats.payloadBytes), 100));
        // No MPTCP data level: nothing to show, nothing to sort on.
        for (const int column : {SubflowTableModel::DataBytesColumn, SubflowTableModel::ShareColumn}) {
            QVERIFY(!cell(column).isValid());
            QVERIFY(!cell(column, SubflowTableModel::SortRole).isValid());
        }
        QCOMPARE(cell(SubflowTableModel::StartColumn, SubflowTableModel::SortRole).toDouble(),
                 double(tcp.firstNs - capture->firstNs) / 1e9);
        QCOMPARE(cell(SubflowTableModel::RttColumn, SubflowTableModel::SortRole).toDouble(),
                 stats.rtt.samples ? double(stats.rtt.medianNs) / 1e6 : 0.0);
        QCOMPARE(cell(SubflowTableModel::RttColumn).toString(), app::text::compactRttSpread(stats.rtt));
        QCOMPARE(cell(SubflowTableModel::RoleColumn).toString(), role);
    }
    // One row per direction: both directions' packets are the connection's.
    QCOMPARE(model.index(0, SubflowTableModel::PacketsColumn).data(SubflowTableModel::SortRole).toULongLong() +
                 model.index(1, SubflowTableModel::PacketsColumn).data(SubflowTableModel::SortRole).toULongLong(),
             tcp.packets());
}

void TestTableModels::eventCellsShowTheConnectionEvents()
{
    const core::MptcpConnection& mptcp = m_e->mptcp[0];
    EventTableModel model;
    model.showMptcp(m_e, 0);
    QCOMPARE(model.rowCount(), int(mptcp.events.size()));
    std::set<core::EventKind> kinds;
    for (int row = 0; row < model.rowCount(); ++row) {
        const core::MptcpEvent& event = mptcp.events[std::size_t(row)];
        kinds.insert(event.kind);
        const auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        const double time = double(event.timeNs - m_e->firstNs) / 1e9;
        QCOMPARE(cell(EventTableModel::TimeColumn, EventTableModel::SortRole).toDouble(), time);
        QVERIFY(std::abs(cell(EventTableModel::TimeColumn).toString().toDouble() - time) <= 0.5e-6);
        QCOMPARE(cell(EventTableModel::PacketColumn).toUInt(), event.packet.value);
        QCOMPARE(cell(EventTableModel::PacketColumn, EventTableModel::SortRole).toUInt(), event.packet.value);
        QCOMPARE(cell(EventTableModel::StreamColumn).toUInt(), event.stream.value);
        QVERIFY(std::find(mptcp.subflows.begin(), mptcp.subflows.end(), event.stream) != mptcp.subflows.end());
        QCOMPARE(cell(EventTableModel::DirectionColumn).toString(), event.direction == core::Direction::ClientToServer
                                                                        ? QStringLiteral("subflow client")
                                                                        : QStringLiteral("subflow server"));
        QCOMPARE(cell(EventTableModel::KindColumn).toString(), QString::fromLatin1(core::eventKindName(event.kind)));
        QCOMPARE(cell(EventTableModel::DetailColumn).toString(), QString::fromStdString(event.detail));
        // Text columns sort by their text.
        QCOMPARE(cell(EventTableModel::KindColumn, EventTableModel::SortRole), cell(EventTableModel::KindColumn));
        if (row > 0)
            QVERIFY(event.packet.value >= mptcp.events[std::size_t(row) - 1].packet.value); // packet order
    }
    // What sample e was recorded to show.
    for (const auto kind :
         {core::EventKind::MpJoin, core::EventKind::AddAddr, core::EventKind::RemoveAddr, core::EventKind::MpPrio})
        QVERIFY2(kinds.count(kind), core::eventKindName(kind));
}

void TestTableModels::csvHoldsWhatTheTableShows_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("sorted");
    for (const bool sorted : {false, true}) {
        const char* order = sorted ? "sorted" : "as built";
        QTest::addRow("MPTCP subflows, %s", order) << QStringLiteral("mptcp") << sorted;
        QTest::addRow("TCP connection, %s", order) << QStringLiteral("tcp") << sorted;
        QTest::addRow("events, %s", order) << QStringLiteral("events") << sorted;
    }
}

void TestTableModels::csvHoldsWhatTheTableShows()
{
    QFETCH(QString, table);
    QFETCH(bool, sorted);
    SubflowTableModel subflows;
    EventTableModel events;
    QAbstractItemModel* source = &subflows;
    if (table == QLatin1String("mptcp")) {
        subflows.showMptcp(m_e, 0);
    } else if (table == QLatin1String("tcp")) {
        subflows.showTcp(m_c, 4);
    } else {
        events.showMptcp(m_e, 0);
        source = &events;
    }
    QSortFilterProxyModel proxy; // the view's model, which the main window exports
    proxy.setSortRole(Qt::UserRole);
    proxy.setSourceModel(source);
    if (sorted)
        proxy.sort(1, Qt::DescendingOrder);
    const QAbstractItemModel& model = proxy;

    const QString csv = app::toCsv(model);
    QString error;
    const auto records = testcsv::parse(csv, &error);
    QVERIFY2(records, qPrintable(error + QStringLiteral("\n") + csv));
    QCOMPARE(records->size(), qsizetype(model.rowCount()) + 1);
    QCOMPARE(records->at(0).size(), qsizetype(model.columnCount()));
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(records->at(0)[column], model.headerData(column, Qt::Horizontal).toString());

    // A number as a program reads it: no grouping, a decimal point, maybe an exponent.
    static const QRegularExpression plainNumber(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?(e[-+]?[0-9]+)?$"));
    bool sawLargeNumber = false;
    bool sawFraction = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QStringList& fields = records->at(row + 1);
        QCOMPARE(fields.size(), qsizetype(model.columnCount()));
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant raw = index.data(Qt::UserRole);
            const QString& field = fields[column];
            const QString where = QStringLiteral("row %1, column %2: \"%3\"").arg(row).arg(column).arg(field);
            if (!isNumber(raw)) {
                QVERIFY2(field == index.data().toString(), qPrintable(where));
                if (field.contains(QLatin1Char(',')))
                    QVERIFY2(csv.contains(QLatin1Char('"') + field + QLatin1Char('"')), qPrintable(where));
                continue;
            }
            QVERIFY2(plainNumber.match(field).hasMatch(), qPrintable(where));
            if (raw.typeId() == QMetaType::Double) {
                QVERIFY2(std::abs(field.toDouble() - raw.toDouble()) <= 1e-11 * std::max(1.0, std::abs(raw.toDouble())),
                         qPrintable(where));
                sawFraction = sawFraction || field.contains(QLatin1Char('.'));
            } else {
                QVERIFY2(field == QString::number(raw.toULongLong()), qPrintable(where));
            }
            sawLargeNumber = sawLargeNumber || std::abs(raw.toDouble()) >= 1000;
        }
    }
    // Else the German grouping and decimal comma would not have been put to the test.
    QVERIFY(sawFraction);
    if (table != QLatin1String("events"))
        QVERIFY(sawLargeNumber);
}

void TestTableModels::csvQuotesFieldsThatNeedIt()
{
    const QStringList header{QStringLiteral("plain"), QStringLiteral("Bytes, total"), QStringLiteral("say \"hi\"")};
    const QStringList cells{QStringLiteral("10.0.1.1:80 → 10.0.1.2:5201"),
                            QStringLiteral("join, backup"),
                            QStringLiteral("\"quoted\", and more"),
                            QStringLiteral("two\nlines"),
                            QStringLiteral("carriage\rreturn"),
                            QStringLiteral(" spaced "),
                            QString()};
    QStandardItemModel model(1, int(cells.size()));
    for (int column = 0; column < cells.size(); ++column) {
        model.setItem(0, column, new QStandardItem(cells[column]));
        model.setHeaderData(column, Qt::Horizontal, header.value(column));
    }
    const QString csv = app::toCsv(model);
    QString error;
    const auto records = testcsv::parse(csv, &error);
    QVERIFY2(records, qPrintable(error + QStringLiteral("\n") + csv));
    QCOMPARE(records->size(), 2);
    QCOMPARE(records->at(0).mid(0, header.size()), header);
    QCOMPARE(records->at(1), cells);
    // Quotes only where RFC 4180 needs them.
    QVERIFY(csv.startsWith(QStringLiteral("plain,\"Bytes, total\",\"say \"\"hi\"\"\",")));
    QVERIFY(csv.contains(QStringLiteral("\r\n10.0.1.1:80 → 10.0.1.2:5201,\"join, backup\",")));
}

// A direction without a timed segment has no RTT: the export says so instead of a 0 ms that a
// spreadsheet would average in, and sorting puts it after every measured one. Sample c from
// its last tenth: connections whose one direction sent nothing to time after the cut.
void TestTableModels::csvWritesAnUnknownRoundTripTimeAsUnknown()
{
    const QString source = testdata::samplesDir() + QStringLiteral("/c_mptcp_and_tcp_mixed.pcap");
    std::string error;
    const auto raw = testpkt::readFrames(source, error);
    QVERIFY2(!raw.frames.empty(), error.c_str());
    QTemporaryDir dir;
    const QString cut = testpkt::writeCut(dir, source, raw, std::uint32_t(raw.frames.size() - raw.frames.size() / 10));
    const CapturePtr capture = core::load(cut.toStdString()).capture;
    QVERIFY(capture);
    SubflowTableModel subflows;
    const int column = SubflowTableModel::RttColumn;
    int unknown = 0;
    for (const auto& tcp : capture->tcp) {
        subflows.showTcp(capture, tcp.stream.value);
        const auto records = testcsv::parse(app::toCsv(subflows));
        QVERIFY(records);
        for (int row = 0; row < subflows.rowCount(); ++row) {
            if (tcp.stats(core::Direction(row)).rtt.samples != 0)
                continue;
            ++unknown;
            const QModelIndex index = subflows.index(row, column);
            QVERIFY(!index.data(SubflowTableModel::SortRole).isValid());
            QCOMPARE(records->at(row + 1).at(column), index.data().toString());
            QVERIFY(records->at(row + 1).at(column) != QStringLiteral("0"));
            QSortFilterProxyModel proxy;
            proxy.setSortRole(SubflowTableModel::SortRole);
            proxy.setSourceModel(&subflows);
            proxy.sort(column, Qt::AscendingOrder);
            QCOMPARE(proxy.index(1, column).data(), index.data()); // last of the two
        }
    }
    QVERIFY(unknown > 0);
}

void TestTableModels::writeCsvWritesTheExportedText()
{
    EventTableModel model;
    model.showMptcp(m_e, 0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("events.csv"));
    QString error;
    QVERIFY2(app::writeCsv(model, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), app::toCsv(model).toUtf8());

    QVERIFY(!app::writeCsv(model, dir.filePath(QStringLiteral("no/such/folder/events.csv")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestTableModels)
#include "tst_table_models.moc"
