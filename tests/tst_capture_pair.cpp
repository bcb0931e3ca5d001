// Two captures of one experiment: connections matched across the files, one-way delays.
#include "cli_runner.h"
#include "compare/connection_map.h"
#include "compare/one_way_delay.h"
#include "compare/packet_stamps.h"
#include "load/loader.h"
#include "test_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <memory>

using namespace core;
using namespace core::compare;

namespace {

std::shared_ptr<const Capture> loaded(const QString& path)
{
    auto result = load(QFile::encodeName(path).toStdString());
    return result.capture;
}

QString sample(const char* name) { return testdata::samplesDir() + QLatin1Char('/') + QLatin1String(name); }

// A match is right when its two connections share an ISN or the 4-tuple, which the test
// checks from the captures' own connection data, independently of the matcher's score.
bool sameConnection(const TcpConnection& a, const TcpConnection& b)
{
    const auto& b0 = b.stats(Direction::ClientToServer);
    return (a.client == b.client && a.server == b.server) ||
           (a.stats(Direction::ClientToServer).sawSyn && b0.sawSyn &&
            a.stats(Direction::ClientToServer).initialSeq == b0.initialSeq);
}

IpAddress ipv4(const char* dotted)
{
    std::uint32_t value = 0;
    for (const auto& part : QString::fromLatin1(dotted).split(QLatin1Char('.')))
        value = value << 8 | part.toUInt();
    return IpAddress::v4(value);
}

TcpConnection connection(std::uint32_t stream, const char* client, std::uint16_t clientPort, std::uint32_t isnC2s,
                         std::uint32_t isnS2c)
{
    TcpConnection c;
    c.stream = TcpStreamId(stream);
    c.client.address = ipv4(client);
    c.client.port = clientPort;
    c.server.address = ipv4("192.0.2.80");
    c.server.port = 443;
    for (auto& [d, isn] :
         {std::pair{Direction::ClientToServer, isnC2s}, std::pair{Direction::ServerToClient, isnS2c}}) {
        auto& s = c.directions[std::size_t(index(d))];
        s.initialSeq = isn;
        s.initialSeqKnown = true;
        s.sawSyn = true;
    }
    return c;
}

} // namespace

class TestCapturePair : public QObject {
    Q_OBJECT
private slots:
    void v1PairEveryConnectionMatchedByKeysAndIsns();
    void v0PairMatchesWithoutFalseMatches();
    void natAndExtraConnectionsLowerTheScore();
    void oneWayDelaysFollowTheConfiguredPathDelays();
    void swappedFilesGiveTheSameDelays();
    void cliMapAndOwdJsonFollowTheSchema();
};

void TestCapturePair::v1PairEveryConnectionMatchedByKeysAndIsns()
{
    const auto client = loaded(sample("l_pair_client.pcap"));
    const auto server = loaded(sample("l_pair_server.pcap"));
    QVERIFY(client && server);
    const auto map = mapCaptures(*client, *server);
    QCOMPARE(map.mptcp.size(), client->mptcp.size());
    QCOMPARE(map.tcp.size(), client->tcp.size());
    QCOMPARE(map.tcp.size(), server->tcp.size());
    QVERIFY(map.unmatchedTcpFirst.empty() && map.unmatchedTcpSecond.empty());
    QVERIFY(map.unmatchedMptcpFirst.empty() && map.unmatchedMptcpSecond.empty());
    for (const auto& m : map.mptcp) {
        QCOMPARE(m.equalKeys, 2); // v1: both keys in the MP_CAPABLE ACK, seen by both ends
        QCOMPARE(m.score, 1.0);
        QCOMPARE(m.reason, std::string("keys equal"));
        QCOMPARE(std::size_t(m.matchedSubflows), client->findMptcp(m.first)->subflows.size());
    }
    for (const auto& t : map.tcp) {
        QVERIFY(sameConnection(client->tcp[t.first.value], server->tcp[t.second.value]));
        QCOMPARE(t.equalIsns, 2);
        QCOMPARE(t.tuple, TupleAgreement::Equal);
        QCOMPARE(t.score, 1.0);
        QCOMPARE(t.reason, std::string("ISNs equal, 4-tuple equal"));
    }
}

void TestCapturePair::v0PairMatchesWithoutFalseMatches()
{
    if (!testdata::haveSharedCaptures())
        QSKIP("shared captures folder absent");
    const auto client = loaded(testdata::sharedCapturesDir() + QStringLiteral("/client_2.pcap"));
    const auto server = loaded(testdata::sharedCapturesDir() + QStringLiteral("/server_2.pcap"));
    if (!client || !server)
        QSKIP("client_2.pcap / server_2.pcap absent");
    const auto map = mapCaptures(*client, *server);
    // Every MPTCP connection of the client's capture exists at the server (keys equal).
    QCOMPARE(map.mptcp.size(), client->mptcp.size());
    for (const auto& m : map.mptcp) {
        QCOMPARE(m.equalKeys, 2);
        QVERIFY(m.matchedSubflows > 0);
    }
    for (const auto& t : map.tcp) {
        const auto& a = client->tcp[t.first.value];
        const auto& b = server->tcp[t.second.value];
        QVERIFY(sameConnection(a, b));
        QVERIFY(t.score > 0 && t.score <= 1.0);
        // a subflow's MPTCP connection is the matched one on the other side
        if (a.mptcp && b.mptcp)
            QCOMPARE(map.mptcpOfFirst(*a.mptcp)->second, *b.mptcp);
    }
    // What is left has no counterpart: no connection of the other file with the same ISN.
    for (const auto stream : map.unmatchedTcpFirst)
        for (const auto& b : server->tcp)
            QVERIFY(!sameConnection(client->tcp[stream.value], b) ||
                    std::ranges::any_of(map.tcp, [&](const TcpMatch& m) { return m.second == b.stream; }));
    for (const auto stream : map.unmatchedTcpSecond)
        for (const auto& a : client->tcp)
            QVERIFY(!sameConnection(a, server->tcp[stream.value]) || map.tcpOfFirst(a.stream));
}

void TestCapturePair::natAndExtraConnectionsLowerTheScore()
{
    Capture inside;
    inside.tcp = {connection(0, "10.1.1.5", 40000, 1000, 9000), connection(1, "10.1.1.5", 40001, 2000, 8000),
                  connection(2, "10.1.1.6", 40002, 3000, 7000)};
    Capture outside; // the NAT rewrote the client's address and port; stream 2 never got out
    outside.tcp = {connection(0, "198.51.100.1", 61001, 2000, 8000), connection(1, "198.51.100.1", 61000, 1000, 9000),
                   connection(2, "198.51.100.1", 61002, 5555, 6666)}; // another host's connection
    outside.tcp[2].stream = TcpStreamId(2);
    const auto map = mapCaptures(inside, outside);
    QCOMPARE(map.tcp.size(), std::size_t(2));
    QCOMPARE(map.tcp[0].first, TcpStreamId(0));
    QCOMPARE(map.tcp[0].second, TcpStreamId(1));
    QCOMPARE(map.tcp[1].second, TcpStreamId(0));
    for (const auto& t : map.tcp) {
        QCOMPARE(t.tuple, TupleAgreement::ServerEqual);
        QCOMPARE(t.equalIsns, 2);
        QVERIFY(t.score < 1.0 && t.score > 0.5); // lower than an untouched path, still ISN-certain
        QCOMPARE(t.reason, std::string("ISNs equal, client endpoint rewritten (NAT)"));
    }
    QCOMPARE(map.unmatchedTcpFirst, std::vector<TcpStreamId>{TcpStreamId(2)});
    QCOMPARE(map.unmatchedTcpSecond, std::vector<TcpStreamId>{TcpStreamId(2)});

    // Same 4-tuple, ISNs rewritten by a middlebox: a match on the 4-tuple only, lowest score.
    Capture rewritten;
    rewritten.tcp = {connection(0, "10.1.1.5", 40000, 4242, 9000)};
    rewritten.tcp[0].directions[1].initialSeq = 4343;
    const auto tupleOnly = mapCaptures(inside, rewritten);
    QCOMPARE(tupleOnly.tcp.size(), std::size_t(1));
    QCOMPARE(tupleOnly.tcp[0].reason, std::string("4-tuple only"));
    QVERIFY(tupleOnly.tcp[0].score < map.tcp[0].score);
}

// Sample l (samples/record.sh): path 1 (client 10.0.1.1) delays every frame by 10 ms each way,
// path 2 (10.0.2.1) by 40 ms; both captures use the host's one clock.
// Tolerance: a frame cannot arrive before its path's delay; the smallest delay exceeds it
// only by the delay line's scheduling and the veth hops (well under 2 ms on an idle path; a
// tbf queue only adds to the median and the maximum, which are not bounded here). 0.1 ms
// below covers the microsecond timestamps of both files.
void TestCapturePair::oneWayDelaysFollowTheConfiguredPathDelays()
{
    const auto client = loaded(sample("l_pair_client.pcap"));
    const auto server = loaded(sample("l_pair_server.pcap"));
    QVERIFY(client && server);
    std::string error;
    const auto clientStamps = readPacketStamps(client->path, error);
    const auto serverStamps = readPacketStamps(server->path, error);
    QVERIFY2(clientStamps && serverStamps, error.c_str());
    const auto map = mapCaptures(*client, *server);
    const auto delays = oneWayDelays(*client, *server, *clientStamps, *serverStamps,
                                     matchedSubflows(*client, map, client->mptcp.front().id));
    QVERIFY(delays.offsetEstimated);
    QVERIFY(!delays.offsetApplied);
    QVERIFY(std::abs(delays.estimatedOffsetSeconds) < 0.001); // one clock: nothing but jitter
    QCOMPARE(delays.subflows.size(), 2 * client->mptcp.front().subflows.size());
    std::size_t lost = 0;
    for (const auto& s : delays.subflows) {
        const auto& tcp = client->tcp[s.firstStream.value];
        const double configured = tcp.client.address.toString() == "10.0.1.1" ? 0.010 : 0.040;
        QVERIFY2(tcp.client.address.toString() == "10.0.1.1" || tcp.client.address.toString() == "10.0.2.1",
                 tcp.client.address.toString().c_str());
        QCOMPARE(s.senderIsFirst, s.direction == Direction::ClientToServer); // the client's capture is first
        QVERIFY(s.figures.count > 0);
        QVERIFY2(s.figures.min >= configured - 0.0001 && s.figures.min <= configured + 0.002,
                 qPrintable(QString::number(s.figures.min)));
        QVERIFY(s.figures.median >= s.figures.min && s.figures.p95 >= s.figures.median &&
                s.figures.max >= s.figures.p95);
        for (const auto& sample : s.samples)
            QVERIFY(sample.seconds > 0);
        // every packet of the direction is matched, lost, or (received) without a sent copy
        const auto& sender = s.senderIsFirst ? *client : *server;
        const auto& receiver = s.senderIsFirst ? *server : *client;
        const auto senderStream = s.senderIsFirst ? s.firstStream : s.secondStream;
        const auto receiverStream = s.senderIsFirst ? s.secondStream : s.firstStream;
        QCOMPARE(s.samples.size() + s.lostRows.size(), sender.tcp[senderStream.value].stats(s.direction).packets);
        QCOMPARE(s.samples.size() + s.receivedWithoutSent,
                 receiver.tcp[receiverStream.value].stats(s.direction).packets);
        lost += s.lostRows.size();
    }
    // The loss is in the middle: the two files differ by what each end never received.
    QVERIFY(lost > 0);
}

void TestCapturePair::swappedFilesGiveTheSameDelays()
{
    const auto client = loaded(sample("l_pair_client.pcap"));
    const auto server = loaded(sample("l_pair_server.pcap"));
    QVERIFY(client && server);
    std::string error;
    const auto cs = readPacketStamps(client->path, error);
    const auto ss = readPacketStamps(server->path, error);
    QVERIFY(cs && ss);
    const auto forward = oneWayDelays(*client, *server, *cs, *ss,
                                      matchedSubflows(*client, mapCaptures(*client, *server), MptcpId(0)));
    const auto backward = oneWayDelays(*server, *client, *ss, *cs,
                                       matchedSubflows(*server, mapCaptures(*server, *client), MptcpId(0)));
    QCOMPARE(forward.subflows.size(), backward.subflows.size());
    for (std::size_t i = 0; i < forward.subflows.size(); ++i) {
        QCOMPARE(forward.subflows[i].figures.count, backward.subflows[i].figures.count);
        QCOMPARE(forward.subflows[i].figures.median, backward.subflows[i].figures.median);
        QCOMPARE(forward.subflows[i].senderIsFirst, !backward.subflows[i].senderIsFirst);
    }
}

void TestCapturePair::cliMapAndOwdJsonFollowTheSchema()
{
    QFile schemaFile(QStringLiteral(MPTCPSCOPE_SAMPLES_DIR "/../docs/schema/mptcpscope-1.schema.json"));
    QVERIFY(schemaFile.open(QIODevice::ReadOnly));
    const auto defs = QJsonDocument::fromJson(schemaFile.readAll()).object().value(QStringLiteral("$defs")).toObject();
    const auto check = [&](const QJsonObject& output, const QString& def) {
        const auto schema = defs.value(def).toObject();
        QVERIFY2(!schema.isEmpty(), qPrintable(def));
        const auto properties = schema.value(QStringLiteral("properties")).toObject();
        for (const auto& required : schema.value(QStringLiteral("required")).toArray())
            QVERIFY2(output.contains(required.toString()), qPrintable(def + QLatin1Char(' ') + required.toString()));
        for (const auto& key : output.keys())
            QVERIFY2(properties.contains(key), qPrintable(def + QLatin1Char(' ') + key));
    };
    const auto map = testcli::runInProcess(
        {QStringLiteral("map"), sample("l_pair_client.pcap"), sample("l_pair_server.pcap"), QStringLiteral("--json")});
    QCOMPARE(map.code, 0);
    const auto mapJson = QJsonDocument::fromJson(map.out.toUtf8()).object();
    check(mapJson, QStringLiteral("capture_map"));
    QCOMPARE(mapJson.value(QStringLiteral("mptcp")).toArray().size(), 1);
    QCOMPARE(
        mapJson.value(QStringLiteral("mptcp")).toArray().first().toObject().value(QStringLiteral("reason")).toString(),
        QStringLiteral("keys equal"));

    const auto owd = testcli::runInProcess({QStringLiteral("owd"), sample("l_pair_client.pcap"),
                                            sample("l_pair_server.pcap"), QStringLiteral("--mptcp"),
                                            QStringLiteral("0"), QStringLiteral("--json")});
    QCOMPARE(owd.code, 0);
    const auto owdJson = QJsonDocument::fromJson(owd.out.toUtf8()).object();
    check(owdJson, QStringLiteral("one_way_delays"));
    QCOMPARE(owdJson.value(QStringLiteral("subflows")).toArray().size(), 4);

    const auto missing = testcli::runInProcess({QStringLiteral("owd"), sample("l_pair_client.pcap"),
                                                sample("l_pair_server.pcap"), QStringLiteral("--mptcp"),
                                                QStringLiteral("7")});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains(QStringLiteral("no MPTCP connection")));
}

QTEST_GUILESS_MAIN(TestCapturePair)
#include "tst_capture_pair.moc"
