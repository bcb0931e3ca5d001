// The GUI's load path without a window: app::CaptureLoader (core::load on a QtConcurrent
// worker, progress reported through a QFutureWatcher) on a QCoreApplication, as MainWindow
// drives it. Run: bench_capture_loader CAPTURE; prints "packets N seconds S" (S: from start()
// to the loaded signal) for bench/run.sh, which times the whole process.
#include "capture_loader.h"
#include "model/capture.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CAPTURE\n", argv[0]);
        return 2;
    }
    app::CaptureLoader loader;
    int progressSignals = 0;
    int status = 1;
    QElapsedTimer timer;
    QObject::connect(&loader, &app::CaptureLoader::progressChanged, [&](int) { ++progressSignals; });
    QObject::connect(&loader, &app::CaptureLoader::loaded, [&](const QString&, const app::CapturePtr& capture, qint64) {
        std::printf("packets %llu seconds %.6f progress_signals %d\n",
                    static_cast<unsigned long long>(capture->packets), double(timer.nsecsElapsed()) / 1e9,
                    progressSignals);
        status = 0;
        QCoreApplication::quit();
    });
    QObject::connect(&loader, &app::CaptureLoader::failed, [&](const QString&, const QString& message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        QCoreApplication::quit();
    });
    timer.start();
    loader.start(QString::fromLocal8Bit(argv[1]));
    QCoreApplication::exec();
    return status;
}
