#include "test_data.h"

#include "capture_loader.h"
#include "model/capture.h"

#include <QFile>
#include <QFutureWatcherBase>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>
#include <set>
#include <vector>

using app::CaptureLoader;

class TestCaptureLoader : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void loadsASampleWithProgress();
    void badFileFails();
    void cancelReportsCancelledNotLoaded();
    void secondLoadSupersedesTheFirst();
    void loadCancelReloadHundredTimes();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_long; // sample e twenty times over: progress before the end
    std::uint64_t m_longPackets = 0;
};

namespace {

QString sample(const QString& name) { return testdata::samplesDir() + QLatin1Char('/') + name; }
QString sample(const char* name) { return sample(QLatin1String(name)); }

// The loader gives each job a QFutureWatcher child and deletes it once the job has finished
// and its finish went through the event loop: from then on nothing of that job can reach the
// loader's signals.
QList<QPointer<QObject>> jobsOf(const CaptureLoader& loader)
{
    QList<QPointer<QObject>> jobs;
    for (QObject* watcher : loader.findChildren<QFutureWatcherBase*>())
        jobs << watcher;
    return jobs;
}

bool waitUntilDone(const QList<QPointer<QObject>>& jobs)
{
    for (const auto& job : jobs) {
        if (!job)
            continue;
        QSignalSpy gone(job.data(), &QObject::destroyed);
        if (!gone.wait(60000))
            return false;
    }
    return true;
}

} // namespace

void TestCaptureLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A classic pcap is a 24-byte header and records: repeating the records makes a capture
    // long enough for the loader to report progress (every 4096 packets) and to notice a cancel.
    QFile source(sample("e_add_remove_addr_backup.pcap"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();
    QVERIFY(bytes.startsWith(QByteArray::fromHex("d4c3b2a1")));
    constexpr int repeats = 20;
    m_long = m_dir.filePath(QStringLiteral("long.pcap"));
    QFile target(m_long);
    QVERIFY(target.open(QIODevice::WriteOnly));
    target.write(bytes.left(24));
    for (int i = 0; i < repeats; ++i)
        target.write(bytes.mid(24));
    target.close();
    m_longPackets = repeats *
                    std::uint64_t(testdata::packetCounts().at(QStringLiteral("e_add_remove_addr_backup.pcap")).packets);
    QVERIFY(m_longPackets > 2 * 4096);
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
    QSignalSpy failed(&loader, &CaptureLoader::failed);
    QSignalSpy cancelled(&loader, &CaptureLoader::cancelled);
    loader.start(sample("e_add_remove_addr_backup.pcap"));
    const auto jobs = jobsOf(loader);
    QCOMPARE(jobs.size(), 1);
    loader.cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!loader.isRunning());
    QVERIFY(waitUntilDone(jobs)); // the cancelled job's finish went through the event loop
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(cancelled.count(), 1);
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
    const auto jobs = jobsOf(loader);
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.first().first().toString(), sample("e_add_remove_addr_backup.pcap"));
    QVERIFY(runningWhenCancelled); // the window keeps showing the new load's progress
    QVERIFY(loaded.wait(20000));
    QVERIFY(waitUntilDone(jobs)); // both jobs' finishes went through the event loop
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().at(0).toString(), sample("a_two_subflows_upload.pcap"));
    QCOMPARE(cancelled.count(), 1);
}

// A hundred times: start a load, cancel it (at once, after some progress, or by starting the
// next one), start another. Every load has a path of its own (a symbolic link), so a capture
// delivered for a cancelled load, or under another load's name, shows.
void TestCaptureLoader::loadCancelReloadHundredTimes()
{
    const auto counts = testdata::packetCounts();
    const QStringList samples = QDir(testdata::samplesDir())
                                    .entryList({QStringLiteral("*.pcap"), QStringLiteral("*.pcapng")}, QDir::Files,
                                               QDir::Name);
    QVERIFY(samples.size() >= 2);
    std::map<QString, std::uint64_t> expectedPackets; // by link path
    int links = 0;
    const auto linkTo = [&](const QString& target, std::uint64_t packets) {
        const QString path = m_dir.filePath(
            QStringLiteral("load-%1.%2").arg(++links, 3, 10, QLatin1Char('0')).arg(QFileInfo(target).suffix()));
        expectedPackets[path] = packets;
        return QFile::link(target, path) ? path : QString();
    };

    struct Delivery {
        QString path;
        QString capturePath;
        std::uint64_t packets = 0;
        bool wasCurrent = false;
    };
    std::vector<Delivery> deliveries;
    std::vector<std::weak_ptr<const core::Capture>> delivered;
    app::CapturePtr shown; // what a window would hold: the latest delivered capture
    CaptureLoader loader;
    connect(&loader, &CaptureLoader::loaded, this, [&](const QString& path, const app::CapturePtr& capture) {
        deliveries.push_back({path, QString::fromStdString(capture->path), capture->packets,
                              path == loader.currentPath() && !loader.isRunning()});
        delivered.push_back(capture);
        shown = capture;
    });
    QSignalSpy cancelled(&loader, &CaptureLoader::cancelled);
    QSignalSpy failed(&loader, &CaptureLoader::failed);
    QStringList expectedCancelled;
    QStringList expectedLoaded;
    int cancelledAfterProgress = 0;

    constexpr int rounds = 100;
    for (int round = 0; round < rounds; ++round) {
        const int how = round %
                        4; // 0: cancel at once, 1: after progress, 2: supersede at once, 3: supersede after progress
        const bool afterProgress = how == 1 || how == 3;
        const bool useLong = afterProgress || (round / 4) % 2 == 0;
        const QString first = useLong ? linkTo(m_long, m_longPackets)
                                      : linkTo(sample(samples[round % samples.size()]),
                                               std::uint64_t(counts.at(samples[round % samples.size()]).packets));
        const QString reloadSample = samples[(round + 1) % samples.size()];
        const QString reload = linkTo(sample(reloadSample), std::uint64_t(counts.at(reloadSample).packets));
        QVERIFY(!first.isEmpty() && !reload.isEmpty());

        QSignalSpy progress(&loader, &CaptureLoader::progressChanged);
        loader.start(first);
        if (afterProgress) {
            QVERIFY(progress.wait(60000));
            if (progress.first().first().toInt() < 1000)
                ++cancelledAfterProgress;
        }
        if (how <= 1)
            loader.cancel();
        expectedCancelled << first;
        loader.start(reload);

        // Every third reload is shown; the others are superseded by the next round's load.
        if (round % 3 == 0 || round == rounds - 1) {
            const std::size_t before = deliveries.size();
            QSignalSpy loaded(&loader, &CaptureLoader::loaded);
            QVERIFY2(loaded.wait(60000), qPrintable(reload));
            loaded.clear();
            QCOMPARE(deliveries.size(), before + 1);
            expectedLoaded << reload;
        } else {
            expectedCancelled << reload;
        }
    }
    QVERIFY(waitUntilDone(jobsOf(loader))); // every abandoned job has finished

    QCOMPARE(failed.count(), 0);
    QStringList cancelledPaths;
    for (const auto& signal : cancelled)
        cancelledPaths << signal.first().toString();
    QCOMPARE(cancelledPaths, expectedCancelled);
    QStringList loadedPaths;
    for (const auto& delivery : deliveries) {
        loadedPaths << delivery.path;
        QVERIFY2(delivery.wasCurrent, qPrintable(delivery.path));
        QCOMPARE(delivery.capturePath, delivery.path);
        QCOMPARE(delivery.packets, expectedPackets.at(delivery.path));
    }
    QCOMPARE(loadedPaths, expectedLoaded); // the last one requested is the one shown last
    QVERIFY(cancelledAfterProgress > 0);

    // Nothing but the capture shown is alive; once let go, no capture is. (A worker's task
    // holds its future, and so its result, until the pool deletes it after the run.)
    QThreadPool::globalInstance()->waitForDone();
    for (std::size_t i = 0; i + 1 < delivered.size(); ++i)
        QVERIFY2(delivered[i].expired(), qPrintable(deliveries[i].path));
    QVERIFY(!delivered.back().expired());
    shown.reset();
    QVERIFY(delivered.back().expired());
}

void TestCaptureLoader::cleanupTestCase()
{
    // End the pool's threads while the libraries they used are still there: OpenSSL frees a
    // thread's error state when the thread ends, unless its own exit handler ran first, which
    // LeakSanitizer would report.
    QThreadPool::globalInstance()->waitForDone();
}

QTEST_GUILESS_MAIN(TestCaptureLoader)
#include "tst_capture_loader.moc"
