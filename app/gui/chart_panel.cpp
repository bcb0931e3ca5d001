#include "chart_panel.h"

#include "chart_computer.h"
#include "chart_view.h"
#include "charts/chart_exporter.h"
#include "model/capture.h"
#include "packet_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

namespace app {

ChartPanel::ChartPanel(QWidget* parent)
    : QWidget(parent)
{
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Data sequence numbers"), int(charts::ChartKind::Sequence));
    m_kind->addItem(tr("Goodput"), int(charts::ChartKind::Goodput));
    m_kind->addItem(tr("Subflow share"), int(charts::ChartKind::Share));
    m_kind->addItem(tr("Round-trip time"), int(charts::ChartKind::Rtt));
    m_kind->addItem(tr("TCP attributes"), int(charts::ChartKind::TcpAttribute));
    m_kind->addItem(tr("Out-of-order queue"), int(charts::ChartKind::OutOfOrderQueue));
    m_kind->setItemData(m_kind->count() - 1,
                        tr("Bytes that arrived but wait for earlier data (data sequence order), as seen at the "
                           "capture point: the receiver's head-of-line blocking when captured at the receiver"),
                        Qt::ToolTipRole);
    m_kind->addItem(tr("One-way delay"), int(charts::ChartKind::OneWayDelay));
    m_direction = new QComboBox(this);
    m_direction->addItem(tr("client → server"), 0);
    m_direction->addItem(tr("server → client"), 1);
    m_window = new QComboBox(this);
    m_window->addItem(tr("Auto window"), 0.0); // a round window from the transfer's duration
    for (const double seconds : {0.1, 0.5, 1.0, 5.0})
        m_window->addItem(tr("%1 s window").arg(seconds), seconds);
    m_window->setCurrentIndex(0);
    m_window->setSizeAdjustPolicy(QComboBox::AdjustToContents); // room for "Auto window (0.02 s)"
    m_window->setToolTip(tr("Goodput averaging window. Auto: a round window giving tens of points over the transfer."));
    m_acks = new QCheckBox(tr("Data acks"), this);
    m_acks->setChecked(true);
    m_subflow = new QComboBox(this);
    m_subflow->setToolTip(tr("The subflow whose TCP attributes are drawn"));
    const std::pair<std::uint8_t, QString> attributes[] = {
        {core::SequenceAttribute, tr("Seq")},
        {core::AckAttribute, tr("Ack")},
        {core::ReceiveWindowAttribute, tr("Window")},
        {core::InFlightAttribute, tr("In flight")},
    };
    for (const auto& [bit, label] : attributes) {
        auto* box = new QCheckBox(label, this);
        box->setChecked(true);
        m_attributes.emplace_back(bit, box);
    }
    m_attributes[0].second->setToolTip(tr("The sender's segments (relative sequence numbers)"));
    m_attributes[1].second->setToolTip(tr("The receiver's acknowledgements"));
    m_attributes[2].second->setToolTip(tr("The receiver's advertised window, scaled (bytes)"));
    m_attributes[3].second->setToolTip(tr("Bytes sent and not yet acknowledged"));
    m_reset = new QPushButton(tr("Reset zoom"), this);
    m_reset->setToolTip(ChartView::helpText());
    m_save = new QPushButton(tr("Save chart as…"), this);
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_view = new ChartView(this);
    m_packet = new PacketPanel(this);
    m_packet->setFixedWidth(300);
    m_packet->hide();
    m_computer = new ChartComputer(this);
    connect(m_computer, &ChartComputer::ready, this, &ChartPanel::showComputed);
    m_computingNote = new QTimer(this);
    m_computingNote->setSingleShot(true);
    m_computingNote->setInterval(150);
    connect(m_computingNote, &QTimer::timeout, this, [this] {
        m_message->setText(tr("Computing the chart…"));
        m_message->show();
    });

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_kind);
    bar->addWidget(m_direction);
    bar->addWidget(m_window);
    bar->addWidget(m_acks);
    bar->addWidget(m_subflow);
    for (const auto& [bit, box] : m_attributes)
        bar->addWidget(box);
    bar->addStretch(1);
    bar->addWidget(m_reset);
    bar->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    auto* chartRow = new QHBoxLayout;
    chartRow->addWidget(m_view, 1);
    chartRow->addWidget(m_packet);
    layout->addLayout(chartRow, 1);
    m_message->hide();

    for (auto* box : {m_kind, m_direction, m_window, m_subflow})
        connect(box, &QComboBox::currentIndexChanged, this, &ChartPanel::rebuild);
    connect(m_acks, &QCheckBox::toggled, this, &ChartPanel::rebuild);
    for (const auto& [bit, box] : m_attributes)
        connect(box, &QCheckBox::toggled, this, &ChartPanel::rebuild);
    connect(m_view, &ChartView::packetSelected, this, [this](quint32 packet) {
        if (!m_capture)
            return;
        m_packet->showPacket(m_capture, core::PacketNumber(packet));
        m_packet->show();
    });
    connect(m_view, &ChartView::selectionCleared, m_packet, &QWidget::hide);
    connect(m_packet, &PacketPanel::closeRequested, m_view, &ChartView::clearSelection);
    connect(m_reset, &QPushButton::clicked, m_view, &ChartView::resetZoom);
    connect(m_save, &QPushButton::clicked, this, &ChartPanel::saveAs);
    connect(m_view, &ChartView::saveRequested, this, &ChartPanel::saveAs);
    // Only the current kind's controls: all of them would make the pane over 1000 px wide at least.
    showKindControls(charts::ChartKind(m_kind->currentData().toInt()));
    clear();
}

charts::ChartRequest ChartPanel::request() const
{
    charts::ChartRequest request;
    request.kind = charts::ChartKind(m_kind->currentData().toInt());
    if (m_mptcp)
        request.connection = core::MptcpId(m_id);
    else
        request.connection = core::TcpStreamId(m_id);
    request.direction = core::Direction(m_direction->currentData().toInt());
    request.goodputWindowSeconds = m_window->currentData().toDouble();
    request.showDataAcks = m_acks->isChecked();
    if (request.kind == charts::ChartKind::Sequence)
        request.reinjectionVerdicts = reinjectionVerdicts();
    return request.kind == charts::ChartKind::TcpAttribute ? tcpAttributeRequest(request) : request;
}

// TCP attributes are of one TCP connection: for an MPTCP connection, the chosen subflow, whose
// TCP direction carries the chosen MPTCP direction's data.
charts::ChartRequest ChartPanel::tcpAttributeRequest(charts::ChartRequest request) const
{
    request.tcpAttributes = 0;
    for (const auto& [bit, box] : m_attributes)
        if (box->isChecked())
            request.tcpAttributes |= bit;
    if (!m_mptcp || m_subflow->currentIndex() < 0)
        return request;
    const QList<QVariant> subflow = m_subflow->currentData().toList(); // stream, reversed
    request.connection = core::TcpStreamId(subflow.value(0).toUInt());
    if (subflow.value(1).toBool())
        request.direction = core::opposite(request.direction);
    return request;
}

QCheckBox* ChartPanel::attributeBox(std::uint8_t attribute) const
{
    for (const auto& [bit, box] : m_attributes)
        if (bit == attribute)
            return box;
    return nullptr;
}

void ChartPanel::fillSubflows()
{
    const QSignalBlocker blocker(m_subflow);
    m_subflow->clear();
    const auto* connection = m_mptcp && m_capture ? m_capture->findMptcp(core::MptcpId(m_id)) : nullptr;
    if (!connection)
        return;
    for (const auto& subflow : connection->subflowStats)
        m_subflow->addItem(tr("tcp.stream %1").arg(subflow.stream.value),
                           QVariantList{subflow.stream.value, subflow.reversed});
}

void ChartPanel::showKindControls(charts::ChartKind kind)
{
    m_window->setVisible(kind == charts::ChartKind::Goodput);
    m_direction->setVisible(kind != charts::ChartKind::OneWayDelay); // it draws both directions
    m_acks->setVisible(kind == charts::ChartKind::Sequence);
    m_subflow->setVisible(kind == charts::ChartKind::TcpAttribute && m_mptcp);
    for (const auto& [bit, box] : m_attributes)
        box->setVisible(kind == charts::ChartKind::TcpAttribute);
}

void ChartPanel::showMptcp(const CapturePtr& capture, unsigned mptcpId)
{
    m_capture = capture;
    m_mptcp = true;
    m_id = mptcpId;
    fillSubflows();
    // Open on the direction that carried data; one rebuild, not one per changed box.
    if (const auto* m = capture->findMptcp(core::MptcpId(mptcpId))) {
        const auto c2s = m->stats(core::Direction::ClientToServer).dataBytes;
        const auto s2c = m->stats(core::Direction::ServerToClient).dataBytes;
        const QSignalBlocker blocker(m_direction);
        if (c2s == 0 && s2c > 0)
            m_direction->setCurrentIndex(1);
        else if (s2c == 0 && c2s > 0)
            m_direction->setCurrentIndex(0);
    }
    m_dirty = true;
    rebuild();
}

void ChartPanel::showTcp(const CapturePtr& capture, unsigned stream)
{
    m_capture = capture;
    m_mptcp = false;
    m_id = stream;
    fillSubflows();
    if (const int kind = m_kind->currentData().toInt();
        kind == int(charts::ChartKind::Share) || kind == int(charts::ChartKind::OutOfOrderQueue)) {
        const QSignalBlocker blocker(m_kind);
        m_kind->setCurrentIndex(0);
    }
    m_dirty = true;
    rebuild();
}

void ChartPanel::clear()
{
    m_computer->cancel();
    m_computingNote->stop();
    m_awaitingChart = false;
    m_capture.reset();
    m_view->setChart(new QChart());
    m_save->setEnabled(false);
    fillSubflows();
}

void ChartPanel::setActive(bool active)
{
    m_active = active;
    if (active && m_dirty)
        rebuild();
}

void ChartPanel::rebuild()
{
    const auto kind = charts::ChartKind(m_kind->currentData().toInt());
    // A plain TCP connection has sequence numbers but no data sequence numbers or subflows.
    m_kind->setItemText(0, m_mptcp ? tr("Data sequence numbers") : tr("Sequence numbers"));
    if (auto* items = qobject_cast<QStandardItemModel*>(m_kind->model())) {
        items->item(2)->setEnabled(m_mptcp);
        items->item(m_kind->findData(int(charts::ChartKind::OutOfOrderQueue)))->setEnabled(m_mptcp);
        items->item(m_kind->findData(int(charts::ChartKind::OneWayDelay)))->setEnabled(oneWayDelayAvailable());
    }
    m_window->setEnabled(kind == charts::ChartKind::Goodput);
    m_acks->setEnabled(kind == charts::ChartKind::Sequence && m_mptcp);
    showKindControls(kind);
    m_computer->cancel(); // what it computes now is of an earlier request
    m_computingNote->stop();
    m_awaitingChart = false;
    if (!m_capture)
        return;
    if (!m_active) {
        m_dirty = true;
        return;
    }
    m_dirty = false;
    if (kind == charts::ChartKind::OneWayDelay) {
        rebuildOneWayDelay();
        return;
    }
    // The data is computed on a worker (millions of packets take a while); the view shows no
    // earlier chart meanwhile.
    m_message->hide();
    m_view->setChart(new QChart());
    m_save->setEnabled(false);
    m_computer->start(m_capture, request());
    m_computingNote->start();
    m_awaitingChart = true;
}

bool ChartPanel::isComputing() const { return m_awaitingChart; }

void ChartPanel::showComputed(const ChartComputer::Result& result)
{
    const auto& [capture, request, computed] = result;
    m_computingNote->stop();
    m_awaitingChart = false;
    if (!computed.data) {
        showChartOrMessage(nullptr, computed.error);
        emit chartReady();
        return;
    }
    QChart* chart = charts::assembleChart(capture, request, computed.data);
    m_message->hide();
    m_window->setItemText(0, request.kind == charts::ChartKind::Goodput
                                 ? tr("Auto window (%1 s)").arg(computed.data->goodput.windowSeconds)
                                 : tr("Auto window"));
    m_view->setChart(chart);
    m_save->setEnabled(true);
    emit chartReady();
}

void ChartPanel::saveAs()
{
    if (!m_view->chart() || !charts::ChartHandle::of(m_view->chart()))
        return;
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Save chart as"), QStringLiteral("chart.png"),
                                                tr("PNG image (*.png);;SVG drawing (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        path += filter.contains(QLatin1String("svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");

    QDialog dialog(this);
    dialog.setWindowTitle(tr("Image size"));
    auto* width = new QSpinBox(&dialog);
    auto* height = new QSpinBox(&dialog);
    width->setRange(200, 10000);
    height->setRange(150, 10000);
    width->setValue(std::max(200, m_view->width()));
    height->setValue(std::max(150, m_view->height()));
    width->setSuffix(tr(" px"));
    height->setSuffix(tr(" px"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Width"), width);
    form->addRow(tr("Height"), height);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;

    // A load may have finished while the dialogs were open and replaced the chart.
    if (!charts::ChartHandle::of(m_view->chart()))
        return;
    QString error;
    if (!charts::exportChart(m_view->chart(), path, QSize(width->value(), height->value()), &error))
        QMessageBox::warning(this, tr("Could not save the chart"), error);
}

} // namespace app
