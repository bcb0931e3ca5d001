#include "main_window.h"

#include "model/capture.h"
#include "text/formatting.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

namespace app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loader(new CaptureLoader(this))
{
    setWindowTitle(tr("mptcpscope"));
    setAcceptDrops(true);
    resize(1280, 800);

    m_summary = new QLabel(tr("Drop a .pcap or .pcapng capture here, or use File ▸ Open."), this);
    m_summary->setAlignment(Qt::AlignCenter);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setCentralWidget(m_summary);

    m_status = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(240);
    m_cancel = new QPushButton(tr("Cancel"), this);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    setLoadingUi(false);

    connect(m_cancel, &QPushButton::clicked, m_loader, &CaptureLoader::cancel);
    connect(m_loader, &CaptureLoader::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_loader, &CaptureLoader::loaded, this, &MainWindow::onLoaded);
    connect(m_loader, &CaptureLoader::failed, this, &MainWindow::onFailed);
    connect(m_loader, &CaptureLoader::cancelled, this, [this](const QString& path) {
        if (!m_loader->isRunning()) {
            setLoadingUi(false);
            m_status->setText(tr("Loading %1 cancelled").arg(QFileInfo(path).fileName()));
        }
    });
    createMenus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openFileDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About mptcpscope"), this, &MainWindow::showAbout);
}

void MainWindow::openCapture(const QString& path)
{
    setLoadingUi(true);
    m_status->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    m_loader->start(path);
}

void MainWindow::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open capture"), QString(),
        tr("Packet captures (*.pcap *.pcapng *.cap);;All files (*)"));
    if (!path.isEmpty())
        openCapture(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About mptcpscope"),
                       tr("<h3>mptcpscope %1</h3><p>Multipath TCP captures at a glance.</p>"
                          "<p>Built with Qt %2, libpcap and spdlog.</p>")
                           .arg(QStringLiteral(MPTCPSCOPE_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        return;
    }
    m_status->setText(tr("Only a single local capture file can be dropped here"));
    event->ignore();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openCapture(urls.first().toLocalFile());
}

void MainWindow::onLoaded(const QString& path, CapturePtr capture, qint64 elapsedMs)
{
    m_capture = std::move(capture);
    setLoadingUi(false);
    setWindowTitle(tr("%1 — mptcpscope").arg(QFileInfo(path).fileName()));
    m_status->setText(tr("%1: %2 packets, loaded in %3 ms, %4 warnings")
                          .arg(QFileInfo(path).fileName())
                          .arg(m_capture->packets)
                          .arg(elapsedMs)
                          .arg(m_capture->warnings.size()));
    m_summary->setText(tr("%1\n%2 packets (%3 TCP), link type %4, %5")
                           .arg(path)
                           .arg(m_capture->packets)
                           .arg(m_capture->tcpPackets)
                           .arg(QString::fromStdString(m_capture->linkTypeName),
                                text::seconds(m_capture->durationSeconds())));
    emit captureChanged();
}

void MainWindow::onFailed(const QString& path, const QString& message)
{
    setLoadingUi(false);
    m_status->setText(tr("Could not open %1").arg(QFileInfo(path).fileName()));
    QMessageBox::warning(this, tr("Could not open capture"), message);
}

void MainWindow::setLoadingUi(bool loading)
{
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading)
        m_progress->setValue(0);
}

} // namespace app
