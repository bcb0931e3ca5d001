// The pair side of the main window: two captures of one experiment opened together, their
// connections side by side.
#include "main_window.h"

#include "chart_panel.h"
#include "detail_pane.h"
#include "model/capture.h"
#include "one_way_delay_cache.h"
#include "pair_loader.h"
#include "pair_tree_model.h"
#include "settings.h"
#include "text/wireshark_filter.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace app {

QWidget* MainWindow::makePairPage()
{
    auto* page = new QWidget(this);
    m_pairSide = new QComboBox(page);
    m_pairSide->setToolTip(tr("Whose figures, tables and charts the selected row shows"));
    m_pairTree = new QTreeView(page);
    m_pairTree->setObjectName(QStringLiteral("pairTree"));
    m_pairTree->setModel(m_pairModel);
    m_pairTree->setUniformRowHeights(true);
    m_pairTree->setAlternatingRowColors(true);
    m_pairTree->header()->setSectionResizeMode(QHeaderView::Interactive);
    connect(m_pairTree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onPairSelectionChanged);
    connect(m_pairSide, &QComboBox::currentIndexChanged, this, &MainWindow::onPairSelectionChanged);
    connect(m_pairSide, &QComboBox::currentIndexChanged, this, [this] { showWarningCount(shownCapture()); });

    auto* sideRow = new QHBoxLayout;
    sideRow->addWidget(new QLabel(tr("Details of:"), page));
    sideRow->addWidget(m_pairSide, 1);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(sideRow);
    layout->addWidget(m_pairTree, 1);
    return page;
}

void MainWindow::openPair(const QString& firstPath, const QString& secondPath)
{
    m_loader->cancel();
    setLoadingUi(true);
    m_status->setText(tr("Loading %1 and %2…").arg(QFileInfo(firstPath).fileName(), QFileInfo(secondPath).fileName()));
    m_pairLoader->start(firstPath, secondPath);
}

void MainWindow::openPairDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open pair: select two captures of one experiment (first the sender's side)"),
        settings::lastOpenedDirectory(), tr("Packet captures (*.pcap *.pcapng *.cap);;All files (*)"));
    if (files.isEmpty())
        return;
    if (files.size() != 2) {
        QMessageBox::information(this, tr("Open pair"),
                                 tr("Select exactly two captures (%n selected): the same experiment seen at both "
                                    "ends of the path.",
                                    nullptr, int(files.size())));
        return;
    }
    openPair(files[0], files[1]);
}

void MainWindow::onPairLoaded(const PairPtr& pair, qint64 elapsedMs)
{
    m_pair = pair;
    m_capture = pair->first;
    m_capturePath = pair->firstPath;
    setLoadingUi(false);
    const QString firstName = QFileInfo(pair->firstPath).fileName();
    const QString secondName = QFileInfo(pair->secondPath).fileName();
    setWindowTitle(tr("%1 ↔ %2 — mptcpscope").arg(firstName, secondName));
    const auto& map = pair->map;
    m_status->setText(tr("%1 ↔ %2 — %3 MPTCP and %4 TCP matches, %5 connection(s) only in %1, %6 only in %2; "
                         "loaded in %7 ms")
                          .arg(firstName, secondName)
                          .arg(map.mptcp.size())
                          .arg(map.tcp.size())
                          .arg(map.unmatchedMptcpFirst.size() + map.unmatchedTcpFirst.size())
                          .arg(map.unmatchedMptcpSecond.size() + map.unmatchedTcpSecond.size())
                          .arg(elapsedMs));

    {
        const QSignalBlocker blocker(m_pairSide);
        m_pairSide->clear();
        m_pairSide->addItem(firstName);
        m_pairSide->addItem(secondName);
    }
    showWarningCount(shownCapture());
    m_detail->clear();
    m_delays->setPair(pair);
    m_detail->setPair(pair, m_delays);
    m_pairModel->setPair(pair);
    m_leftStack->setCurrentIndex(1);
    m_pairTree->expandAll();
    for (int c = 0; c < PairTreeModel::ColumnCount; ++c)
        m_pairTree->resizeColumnToContents(c);
    // Three columns side by side need more room than the single view's tree: theirs, up to half.
    const int total = m_splitter->width();
    const int wanted = m_pairTree->header()->length() + m_pairTree->frameWidth() * 2 + 4;
    const int tree = std::max(m_splitter->sizes().value(0), std::min(wanted, total / 2));
    m_splitter->setSizes({tree, total - tree});
    QTimer::singleShot(0, this,
                       [this, files = QStringList{QFileInfo(pair->firstPath).absoluteFilePath(),
                                                  QFileInfo(pair->secondPath).absoluteFilePath()}] {
        settings::addRecentEntry(files);
        rebuildRecentMenu();
    });
    QTimer::singleShot(0, this, [this] {
        const QModelIndex first = m_pairModel->index(0, 0);
        if (first.isValid())
            m_pairTree->setCurrentIndex(m_pairModel->rowCount(first) > 0 ? m_pairModel->index(0, 0, first) : first);
        emit pairChanged();
        emit captureChanged();
    });
}

// The chosen side, or the other when only that one has the row.
bool MainWindow::pairSideIsFirst(const QModelIndex& row) const
{
    const bool first = m_pairSide->currentIndex() != 1;
    const int id = row.data(first ? PairTreeModel::FirstIdRole : PairTreeModel::SecondIdRole).toInt();
    return id >= 0 ? first : !first;
}

QString MainWindow::pairRowFilter() const
{
    const QModelIndex current = m_pairTree->currentIndex();
    if (!current.isValid())
        return {};
    const bool first = pairSideIsFirst(current);
    const int id = current.data(first ? PairTreeModel::FirstIdRole : PairTreeModel::SecondIdRole).toInt();
    if (id < 0)
        return {};
    const auto kind = PairTreeModel::ItemKind(current.data(PairTreeModel::ItemKindRole).toInt());
    return kind == PairTreeModel::ItemKind::Mptcp ? text::mptcpStreamFilter(unsigned(id))
                                                  : text::tcpStreamFilter(unsigned(id));
}

void MainWindow::onPairSelectionChanged()
{
    const QModelIndex current = m_pairTree->currentIndex();
    if (!current.isValid() || !m_pair) {
        m_detail->clear();
        return;
    }
    const auto kind = PairTreeModel::ItemKind(current.data(PairTreeModel::ItemKindRole).toInt());
    const bool first = pairSideIsFirst(current);
    const int firstId = current.data(PairTreeModel::FirstIdRole).toInt();
    const int secondId = current.data(PairTreeModel::SecondIdRole).toInt();
    const CapturePtr& capture = first ? m_pair->first : m_pair->second;
    const int id = first ? firstId : secondId;
    const int mptcp = current.data(first ? PairTreeModel::FirstMptcpRole : PairTreeModel::SecondMptcpRole).toInt();
    switch (kind) {
    case PairTreeModel::ItemKind::Mptcp: m_detail->showMptcp(capture, unsigned(id)); break;
    case PairTreeModel::ItemKind::Subflow:
        if (mptcp >= 0)
            m_detail->showMptcp(capture, unsigned(mptcp));
        else
            m_detail->showTcp(capture, unsigned(id));
        break;
    case PairTreeModel::ItemKind::Tcp: m_detail->showTcp(capture, unsigned(id)); break;
    case PairTreeModel::ItemKind::Group: m_detail->clear(); break;
    }
}

} // namespace app
