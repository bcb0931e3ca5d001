#include "test_data.h"

#include "capture_loader.h"
#include "model/capture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using app::CaptureLoader;

class TestCaptureLoader : public QObject {
    Q_OBJECT
private slots:
    void loadsASampleWithProgress();
    void badFileFails();
    void cancelReportsCancelledNotLoaded();
    void secondLoadSupersedesTheFirst();
};

namespace {
QString sample(const char* name) { return testdata::samplesDir() + QLatin1Char('/') + QLatin1String(name); }
}

void TestCaptureLoader::loadsASampleWithProgress()
{
    CaptureLoader loader;
    QSignalSpy loaded(&loader, &CaptureLoader::loaded);
    QSignalSpy failed(&loader, &CaptureLoader::failed);
    QSignalSpy progress(&loader, &CaptureLoader::progressChanged);
    loader.start(sample("b_four_subflows_bidir.pcapng"));
    QVERIFY(loader.isRunning());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(!loader.isRunning());
    const auto capture = loaded.first().at(1).value<app::CapturePtr>();
    QVERIFY(capture);
    QCOMPARE(capture->packets, testdata::packetCounts().at(QStringLiteral("b_four_subflows_bidir.pcapng")).packets);
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.last().first().toInt(), 1000);
}

void TestCaptureLoader::badFileFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-capture.pcap"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a capture file at all");
    file.close();

    CaptureLoader loader;
    QSignalSpy loaded(&loader, &CaptureLoader::loaded);
    QSignalSpy failed(&loader, &CaptureLoader::failed);
    loader.start(path);
    QVERIFY(failed.wait(20000));
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(failed.first().at(0).toString(), path);
    QVERIFY(failed.first().at(1).toString().contains(path));
}

void TestCaptureLoader::cancelReportsCancelledNotLoaded()
{
    CaptureLoader loader;
    QSignalSpy loaded(&loader, &CaptureLoader::loaded);
    QSignalSpy cancelled(&loader, &CaptureLoader::cancelled);
    loader.start(sample("e_add_remove_addr_backup.pcap"));
    loader.cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!loader.isRunning());
    QTest::qWait(500); // a late finish of the cancelled job must not surface
    QCOMPARE(loaded.count(), 0);
}

void TestCaptureLoader::secondLoadSupersedesTheFirst()
{
    CaptureLoader loader;
    QSignalSpy loaded(&loader, &CaptureLoader::loaded);
    QSignalSpy cancelled(&loader, &CaptureLoader::cancelled);
    bool runningWhenCancelled = false;
    connect(&loader, &CaptureLoader::cancelled, this, [&] { runningWhenCancelled = loader.isRunning(); });
    loader.start(sample("e_add_remove_addr_backup.pcap"));
    loader.start(sample("a_two_subflows_upload.pcap"));
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(runningWhenCancelled); // the window keeps showing the new load's progress
    QVERIFY(loaded.wait(20000));
    QTest::qWait(300);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().at(0).toString(), sample("a_two_subflows_upload.pcap"));
}

QTEST_GUILESS_MAIN(TestCaptureLoader)
#include "tst_capture_loader.moc"
