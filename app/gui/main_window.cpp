#include "main_window.h"

#include "chart_panel.h"
#include "connection_filter_proxy.h"
#include "connection_tree_model.h"
#include "csv_export.h"
#include "detail_pane.h"
#include "model/capture.h"
#include "one_way_delay_cache.h"
#include "pair_loader.h"
#include "pair_tree_model.h"
#include "settings.h"
#include "text/formatting.h"
#include "warnings_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loader(new CaptureLoader(this))
    , m_model(new ConnectionTreeModel(this))
    , m_proxy(new ConnectionFilterProxy(this))
    , m_pairLoader(new PairLoader(this))
    , m_pairModel(new PairTreeModel(this))
    , m_delays(new OneWayDelayCache(this))
{
    setWindowTitle(tr("mptcpscope"));
    setAcceptDrops(true);

    m_proxy->setSourceModel(m_model);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter: address, port, tcp.stream, mptcp.stream, token"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterWords(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });

    m_tree = new QTreeView(this);
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(ConnectionTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setResizeContentsPrecision(100); // sizing reads 100 rows, not 1000
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onSelectionChanged);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree, 1);
    m_leftStack = new QStackedWidget(this);
    m_leftStack->addWidget(left);
    m_leftStack->addWidget(makePairPage());

    m_detail = new DetailPane(this);
    connect(m_detail, &DetailPane::exportCsvRequested, this, &MainWindow::exportCsv);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_leftStack);
    m_splitter->addWidget(m_detail);
    // The tree needs its first two columns; the detail pane every column of the subflow table.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({340, 1060});
    setCentralWidget(m_splitter);

    m_status = new QLabel(tr("Drop a .pcap or .pcapng capture on the window, or use File ▸ Open (Ctrl+O)."), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(240);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_warningsButton = new QToolButton(this);
    m_warningsButton->setObjectName(QStringLiteral("warningsButton"));
    m_warningsButton->setAutoRaise(true);
    m_warningsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_warningsButton->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_warningsButton->setToolTip(tr("Show the warnings of this capture, with their packet numbers"));
    m_warningsButton->hide();
    connect(m_warningsButton, &QToolButton::clicked, this, &MainWindow::showWarnings);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_warningsButton);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    setLoadingUi(false);

    connect(m_cancel, &QPushButton::clicked, m_loader, &CaptureLoader::cancel);
    connect(m_cancel, &QPushButton::clicked, m_pairLoader, &PairLoader::cancel);
    connect(m_pairLoader, &PairLoader::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_pairLoader, &PairLoader::loaded, this, &MainWindow::onPairLoaded);
    connect(m_pairLoader, &PairLoader::failed, this, &MainWindow::onFailed);
    connect(m_pairLoader, &PairLoader::cancelled, this, [this] {
        setLoadingUi(false);
        m_status->setText(tr("Loading the pair cancelled"));
    });
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

    resize(1400, 860);
    restoreGeometry(settings::windowGeometry());
    restoreState(settings::windowState());
    m_splitter->restoreState(settings::splitterState(QStringLiteral("main")));
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openFileDialog);
    auto* openPair = file->addAction(tr("Open &Pair…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                                     &MainWindow::openPairDialog);
    openPair->setObjectName(QStringLiteral("openPairAction"));
    openPair->setStatusTip(tr("Open two captures of one experiment (both ends of the path) side by side"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("Export &Subflow Table as CSV…"), this,
                    [this] { exportCsv(m_detail->subflowView(), QStringLiteral("subflows.csv")); });
    file->addAction(tr("Export &Event Table as CSV…"), this,
                    [this] { exportCsv(m_detail->eventView(), QStringLiteral("events.csv")); });
    file->addAction(tr("Export Rein&jection Table as CSV…"), this,
                    [this] { exportCsv(m_detail->reinjectionView(), QStringLiteral("reinjections.csv")); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy Wireshark Filter"), QKeySequence::Copy, this, &MainWindow::copyFilter);
    edit->addAction(tr("&Find Connection"), QKeySequence::Find, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });

    auto* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Expand All"), QKeySequence(Qt::CTRL | Qt::Key_Plus), this,
                    [this] { (m_pair ? m_pairTree : m_tree)->expandAll(); });
    view->addAction(tr("&Collapse All"), QKeySequence(Qt::CTRL | Qt::Key_Minus), this,
                    [this] { (m_pair ? m_pairTree : m_tree)->collapseAll(); });

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About mptcpscope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QList<QStringList> entries = settings::recentEntries();
    for (int i = 0; i < entries.size(); ++i) {
        const QStringList paths = entries[i];
        const QString name = paths.size() == 1
                                 ? QFileInfo(paths[0]).fileName()
                                 : tr("%1 ↔ %2").arg(QFileInfo(paths[0]).fileName(), QFileInfo(paths[1]).fileName());
        auto* action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(name), this, [this, paths] {
            if (paths.size() == 1)
                openCapture(paths[0]);
            else
                openPair(paths[0], paths[1]);
        });
        action->setToolTip(paths.join(QLatin1Char('\n')));
        action->setStatusTip(paths.join(QStringLiteral(" ↔ ")));
    }
    if (entries.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            settings::clearRecentFiles();
            rebuildRecentMenu();
        });
    }
}

void MainWindow::openCapture(const QString& path)
{
    m_pairLoader->cancel();
    setLoadingUi(true);
    m_status->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    m_loader->start(path);
}

void MainWindow::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open capture"), settings::lastOpenedDirectory(),
                                                      tr("Packet captures (*.pcap *.pcapng *.cap);;All files (*)"));
    if (!path.isEmpty())
        openCapture(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About mptcpscope"),
                       tr("<h3>mptcpscope %1</h3><p>Multipath TCP captures at a glance.</p>"
                          "<p>Built with Qt %2 (Widgets, Charts, Svg), libpcap, spdlog and OpenSSL "
                          "libcrypto.</p><p>Connection numbers follow Wireshark's "
                          "<code>tcp.stream</code> and <code>mptcp.stream</code>.</p>")
                           .arg(QStringLiteral(MPTCPSCOPE_VERSION), QString::fromLatin1(qVersion())));
}

namespace {

// The local files of a drop, or nothing when anything dropped is not a local file.
QStringList droppedFiles(const QMimeData* mime)
{
    QStringList files;
    for (const auto& url : mime->urls()) {
        if (!url.isLocalFile() || !QFileInfo(url.toLocalFile()).isFile())
            return {};
        files << url.toLocalFile();
    }
    return files;
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QStringList files = droppedFiles(event->mimeData());
    if (files.size() == 1 || files.size() == 2) {
        event->acceptProposedAction();
        return;
    }
    m_status->setText(files.size() > 2
                          ? tr("Drop one capture, or two captures of one experiment to open them as a pair")
                          : tr("Only local capture files (.pcap, .pcapng) can be dropped here"));
    event->ignore();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList files = droppedFiles(event->mimeData());
    if (files.size() != 1 && files.size() != 2) {
        // Nothing is opened: what is on screen stays.
        m_status->setText(files.size() > 2
                              ? tr("%n files dropped: drop one capture, or two captures of one experiment to open "
                                   "them as a pair",
                                   nullptr, int(files.size()))
                              : tr("Only local capture files (.pcap, .pcapng) can be dropped here"));
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    if (files.size() == 1)
        openCapture(files.first());
    else
        openPair(files[0], files[1]);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    settings::setWindowGeometry(saveGeometry());
    settings::setWindowState(saveState());
    settings::setSplitterState(QStringLiteral("main"), m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::onLoaded(const QString& path, CapturePtr capture, qint64 elapsedMs)
{
    if (m_pair) {
        m_pair.reset();
        m_pairModel->setPair(nullptr);
        m_delays->setPair(nullptr);
        m_detail->setPair(nullptr, nullptr);
        m_leftStack->setCurrentIndex(0);
        emit pairChanged();
    }
    m_capture = std::move(capture);
    m_capturePath = path;
    setLoadingUi(false);
    setWindowTitle(tr("%1 — mptcpscope").arg(QFileInfo(path).fileName()));
    showLoadSummary(path, elapsedMs);
    if (m_warningsDialog)
        m_warningsDialog->setCapture(m_capture);

    m_detail->clear();
    m_model->setCapture(m_capture);
    m_tree->expandAll();
    for (int c = 0; c < ConnectionTreeModel::ColumnCount; ++c)
        m_tree->resizeColumnToContents(c);

    // The rest in later turns of the event loop, so the tree paints at once and no single
    // turn holds the window for long (the settings file write can wait on the disk).
    QTimer::singleShot(0, this, [this, file = QFileInfo(path).absoluteFilePath()] {
        settings::addRecentEntry({file});
        rebuildRecentMenu();
    });
    QTimer::singleShot(0, this, [this] {
        // Start where the interesting part is: the first MPTCP connection, else the first row.
        const QModelIndex first = m_proxy->index(0, 0);
        const QModelIndex target = m_proxy->rowCount(first) > 0 ? m_proxy->index(0, 0, first) : first;
        if (target.isValid())
            m_tree->setCurrentIndex(target);
        emit captureChanged();
    });
}

void MainWindow::showLoadSummary(const QString& path, qint64 elapsedMs)
{
    const QString packets = m_capture->nonTcpPackets == 0
                                ? tr("%1 packets").arg(m_capture->packets)
                                : tr("%1 packets (%2 not TCP)").arg(m_capture->packets).arg(m_capture->nonTcpPackets);
    m_status->setText(tr("%1 — %2, %3 MPTCP and %4 TCP connections, link type %5, loaded in %6 ms")
                          .arg(QFileInfo(path).fileName(), packets)
                          .arg(m_capture->mptcp.size())
                          .arg(m_capture->tcp.size())
                          .arg(QString::fromStdString(m_capture->linkTypeName))
                          .arg(elapsedMs));
    m_status->setToolTip(m_capture->nonTcpPackets == 0
                             ? QString()
                             : tr("Packets that are not TCP (ARP, UDP, ICMPv6 neighbour discovery…) are "
                                  "counted and skipped: they are normal in any capture."));
    showWarningCount(m_capture);
}

// The warnings of the capture whose details are shown (with a pair, the chosen side's).
void MainWindow::showWarningCount(const CapturePtr& capture)
{
    const auto warnings = capture ? capture->listedWarnings.size() + capture->unlistedWarnings : 0;
    m_warningsButton->setText(tr("%n warning(s)", nullptr, int(warnings)));
    m_warningsButton->setVisible(warnings > 0);
    if (m_warningsDialog)
        m_warningsDialog->setCapture(capture);
}

CapturePtr MainWindow::shownCapture() const
{
    if (!m_pair)
        return m_capture;
    return m_pairSide->currentIndex() == 1 ? m_pair->second : m_pair->first;
}

void MainWindow::showWarnings()
{
    if (!m_warningsDialog) {
        m_warningsDialog = new WarningsDialog(this);
        m_warningsDialog->setCapture(shownCapture());
    }
    m_warningsDialog->show();
    m_warningsDialog->raise();
    m_warningsDialog->activateWindow();
}

void MainWindow::onFailed(const QString& path, const QString& message)
{
    setLoadingUi(false);
    m_status->setText(tr("Could not open %1").arg(QFileInfo(path).fileName()));
    // Window-modal and non-blocking: the loader and the previous capture stay live behind it.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open capture"),
                                tr("<p>%1 could not be loaded; the previous capture stays open.</p><p>%2</p>")
                                    .arg(QFileInfo(path).fileName().toHtmlEscaped(), message.toHtmlEscaped()),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("loadErrorBox"));
    box->open();
}

void MainWindow::onSelectionChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || !m_capture) {
        m_detail->clear();
        return;
    }
    const auto kind = ConnectionTreeModel::ItemKind(current.data(ConnectionTreeModel::ItemKindRole).toInt());
    const int mptcp = current.data(ConnectionTreeModel::MptcpIdRole).toInt();
    const int stream = current.data(ConnectionTreeModel::StreamIdRole).toInt();
    switch (kind) {
    case ConnectionTreeModel::ItemKind::Mptcp:
    case ConnectionTreeModel::ItemKind::Subflow: m_detail->showMptcp(m_capture, unsigned(mptcp)); break;
    case ConnectionTreeModel::ItemKind::Tcp: m_detail->showTcp(m_capture, unsigned(stream)); break;
    case ConnectionTreeModel::ItemKind::Group: m_detail->clear(); break;
    }
}

QString MainWindow::selectedFilter() const
{
    if (m_pair)
        return pairRowFilter();
    return m_tree->currentIndex().data(ConnectionTreeModel::WiresharkFilterRole).toString();
}

void MainWindow::copyFilter()
{
    const QString filter = selectedFilter();
    if (filter.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(filter);
    m_status->setText(tr("Copied Wireshark filter: %1").arg(filter));
}

void MainWindow::showTreeMenu(const QPoint& at)
{
    const QModelIndex index = m_tree->indexAt(at);
    if (!index.isValid())
        return;
    QMenu menu;
    const QString filter = index.data(ConnectionTreeModel::WiresharkFilterRole).toString();
    if (!filter.isEmpty())
        menu.addAction(tr("Copy Wireshark filter: %1").arg(filter), this,
                       [filter] { QGuiApplication::clipboard()->setText(filter); });
    // Names every subflow, also those mptcpscope attached and Wireshark numbers apart.
    const QString subflows = index.data(ConnectionTreeModel::SubflowsFilterRole).toString();
    if (!subflows.isEmpty())
        menu.addAction(tr("Copy Wireshark filter: %1").arg(subflows), this,
                       [subflows] { QGuiApplication::clipboard()->setText(subflows); });
    menu.addAction(tr("Expand all"), m_tree, &QTreeView::expandAll);
    menu.addAction(tr("Collapse all"), m_tree, &QTreeView::collapseAll);
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}

void MainWindow::exportCsv(QTableView* view, const QString& suggestedName)
{
    if (!view->model() || view->model()->rowCount() == 0) {
        m_status->setText(tr("Nothing to export: select a connection first"));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export table as CSV"), suggestedName,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeCsv(*view->model(), path, &error))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
    else
        m_status->setText(tr("Exported %1").arg(QFileInfo(path).fileName()));
}

QString MainWindow::statusText() const { return m_status->text(); }

void MainWindow::setLoadingUi(bool loading)
{
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading)
        m_progress->setValue(0);
}

} // namespace app
