#include "model/warning_log.h"

#include <QTest>

using core::LoadWarning;
using core::WarningLog;

class TestWarningLog : public QObject {
    Q_OBJECT
private slots:
    void linesCountEachKind();
    void listedInPacketOrderAfterTheFileProblems();
    void listIsBoundedPerKind();
};

void TestWarningLog::linesCountEachKind()
{
    WarningLog log;
    log.add("IP fragment", 7);
    log.add("IP fragment", 3);
    log.add("malformed header", 5);
    log.addLine("the last packet is cut short");
    const std::vector<std::string> expected{"the last packet is cut short", "2 packets: IP fragment (first: packet 7)",
                                            "1 packet: malformed header (first: packet 5)"};
    QCOMPARE(log.lines(), expected);
}

void TestWarningLog::listedInPacketOrderAfterTheFileProblems()
{
    WarningLog log;
    log.add("IP fragment", 7);
    log.add("malformed header", 5);
    log.add("IP fragment", 3);
    log.addLine("link type X is not supported");
    const std::vector<LoadWarning> expected{{LoadWarning::wholeFile, "link type X is not supported"},
                                            {3, "IP fragment"},
                                            {5, "malformed header"},
                                            {7, "IP fragment"}};
    QCOMPARE(log.listed(), expected);
    QCOMPARE(log.unlisted(), std::uint64_t(0));
}

void TestWarningLog::listIsBoundedPerKind()
{
    WarningLog log;
    const std::uint64_t extra = 5;
    for (std::uint64_t packet = 1; packet <= WarningLog::listedPerKind + extra; ++packet)
        log.add("IP fragment", packet);
    log.add("malformed header", 2);
    const auto listed = log.listed();
    QCOMPARE(listed.size(), WarningLog::listedPerKind + 1);
    QCOMPARE(log.unlisted(), extra);
    QCOMPARE(listed.back().packet, std::uint64_t(WarningLog::listedPerKind)); // the first ones are kept
    QCOMPARE(log.lines().front(),
             std::to_string(WarningLog::listedPerKind + extra) + " packets: IP fragment (first: packet 1)");
}

QTEST_APPLESS_MAIN(TestWarningLog)
#include "tst_warning_log.moc"
