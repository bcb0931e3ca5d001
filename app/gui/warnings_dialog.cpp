#include "warnings_dialog.h"

#include "model/capture.h"
#include "model/warning_log.h"
#include "warning_list_model.h"

#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace app {
namespace {

QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

} // namespace

WarningsDialog::WarningsDialog(QWidget* parent)
    : QDialog(parent)
    , m_model(new WarningListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("warningsDialog"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(WarningListModel::SortRole);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6); // one line a row
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto* copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WindowShortcut);
    connect(copy, &QAction::triggered, this, &WarningsDialog::copySelected);
    auto* copyAll = new QAction(tr("Copy &All"), this);
    connect(copyAll, &QAction::triggered, this, &WarningsDialog::copyAll);
    addAction(copy);
    m_view->addAction(copy);
    m_view->addAction(copyAll);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setToolTip(tr("Copy the selected rows as tab-separated text (Ctrl+C)"));
    m_copyAll = buttons->addButton(tr("Copy &All"), QDialogButtonBox::ActionRole);
    m_copyAll->setToolTip(tr("Copy every row as tab-separated text"));
    m_copy->setAutoDefault(false);
    m_copyAll->setAutoDefault(false);
    connect(m_copy, &QPushButton::clicked, this, &WarningsDialog::copySelected);
    connect(m_copyAll, &QPushButton::clicked, this, &WarningsDialog::copyAll);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_copy->setEnabled(m_view->selectionModel()->hasSelection()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(760, 420);
}

void WarningsDialog::setCapture(const CapturePtr& capture)
{
    m_model->setCapture(capture);
    m_view->resizeColumnToContents(WarningListModel::PacketColumn);
    m_copy->setEnabled(false);
    m_copyAll->setEnabled(m_model->rowCount() > 0);
    if (!capture) {
        setWindowTitle(tr("Warnings"));
        m_summary->clear();
        return;
    }
    const QString file = QFileInfo(QString::fromStdString(capture->path)).fileName();
    setWindowTitle(tr("Warnings — %1").arg(file));
    const auto total = capture->listedWarnings.size() + capture->unlistedWarnings;
    QString summary = total == 0 ? tr("Loading %1 raised no warnings.").arg(file)
                                 : tr("%n warning(s) while loading %1.", nullptr, int(total)).arg(file);
    if (capture->unlistedWarnings > 0)
        summary += QLatin1Char(' ') + tr("The first %1 packets of each kind are listed; %2 more are not.")
                                          .arg(core::WarningLog::listedPerKind)
                                          .arg(capture->unlistedWarnings);
    if (total > 0)
        summary += QLatin1Char(' ') + tr("Packet numbers are Wireshark's: Go ▸ Go to Packet (Ctrl+G) finds them.");
    m_summary->setText(summary);
}

QString WarningsDialog::rowText(int viewRow) const
{
    const QString packet = m_proxy->index(viewRow, WarningListModel::PacketColumn).data().toString();
    const QString reason = m_proxy->index(viewRow, WarningListModel::ReasonColumn).data().toString();
    return oneLine(packet) + QLatin1Char('\t') + oneLine(reason) + QLatin1Char('\n');
}

QString WarningsDialog::selectedText() const
{
    auto rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QString text;
    for (const auto& index : rows)
        text += rowText(index.row());
    return text;
}

QString WarningsDialog::allText() const
{
    QString text;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        text += rowText(row);
    return text;
}

void WarningsDialog::copySelected() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void WarningsDialog::copyAll() const
{
    const QString text = allText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

} // namespace app
