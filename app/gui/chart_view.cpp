#include "chart_view.h"

#include "charts/chart_builder.h"
#include "charts/decimated_series.h"
#include "series/chart_data.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QContextMenuEvent>
#include <QGraphicsScene>
#include <QLegend>
#include <QLegendMarker>
#include <QMenu>
#include <QToolTip>
#include <QWheelEvent>
#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace app {
namespace {

// On an MPTCP sequence chart, a packet that is part of a reinjection: the packets at the other
// end of its links (the original of a reinjection, the reinjections of an original).
QString reinjectionNote(const charts::ChartHandle& handle, std::uint32_t packet)
{
    const auto& request = handle.request();
    if (request.kind != charts::ChartKind::Sequence || !request.mptcp())
        return {};
    constexpr int maxLines = 6;
    QStringList lines;
    int more = 0;
    for (const auto& link : handle.data().sequence.reinjectionLinks) {
        QString line;
        if (link.reinjectionPacket == packet)
            line = ChartView::tr("reinjection of packet %1 (tcp.stream %2, %3 s)")
                       .arg(link.originalPacket)
                       .arg(link.originalStream)
                       .arg(link.originalX, 0, 'f', 6);
        else if (link.originalPacket == packet)
            line = ChartView::tr("reinjected in packet %1 (tcp.stream %2, %3 s)")
                       .arg(link.reinjectionPacket)
                       .arg(link.reinjectionStream)
                       .arg(link.reinjectionX, 0, 'f', 6);
        if (line.isEmpty())
            continue;
        if (lines.size() < maxLines)
            lines << line;
        else
            ++more;
    }
    if (more > 0)
        lines << ChartView::tr("… and %1 more").arg(more);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ChartView::ChartView(QWidget* parent)
    : QChartView(parent)
{
    setRubberBand(QChartView::RectangleRubberBand);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    // The point clouds' bounds follow the plot area, which changes before they can say so:
    // a BSP index would keep them where they were and, once their chart is replaced, point to
    // freed items. A chart has a few dozen items; a linear search costs nothing.
    scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
}

QString ChartView::helpText()
{
    return tr("Drag: zoom to a rectangle. Wheel: zoom. Shift+drag or middle button: pan. "
              "Home, Esc or R: reset. Click a legend entry to hide or show its series. "
              "Click a point: its packet; N and P: the next and previous packet of its series.");
}

void ChartView::setChart(QChart* newChart)
{
    clearSelection(); // its data dies with the old chart
    QChart* old = chart();
    QChartView::setChart(newChart);
    delete old;
    connectLegend();
    // Bar charts have no packets to hover: their sets report themselves.
    for (auto* series : newChart->series())
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(series))
            connect(bars, &QAbstractBarSeries::hovered, this, [this](bool status, int index, QBarSet* set) {
                if (!status) {
                    QToolTip::hideText();
                    return;
                }
                double total = 0;
                for (auto* other : qobject_cast<QAbstractBarSeries*>(sender())->barSets())
                    total += other->at(index);
                const double bytes = set->at(index);
                QString interval;
                if (const auto* handle = charts::ChartHandle::of(chart()); handle && index >= 0) {
                    const auto& share = handle->data().share;
                    if (std::size_t(index) < share.binStarts.size())
                        interval = tr("%1 s to %2 s\n")
                                       .arg(share.binStarts[std::size_t(index)], 0, 'g', 6)
                                       .arg(share.binStarts[std::size_t(index)] + share.binWidth, 0, 'g', 6);
                }
                QToolTip::showText(QCursor::pos(),
                                   interval + tr("%1\n%2 bytes, %3 % of this interval")
                                                  .arg(set->label())
                                                  .arg(qlonglong(bytes))
                                                  .arg(total > 0 ? 100.0 * bytes / total : 0.0, 0, 'f', 1),
                                   this);
            });
}

void ChartView::connectLegend()
{
    for (auto* marker : chart()->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this, [marker] {
            QAbstractSeries* series = marker->series();
            if (qobject_cast<QAbstractBarSeries*>(series))
                return; // a stacked bar chart needs all its sets
            series->setVisible(!series->isVisible());
            marker->setVisible(true); // hiding a series hides its marker: keep it clickable
            QColor label = marker->labelBrush().color();
            label.setAlphaF(series->isVisible() ? 1.0 : 0.4);
            marker->setLabelBrush(label);
            QBrush brush = marker->brush();
            QColor colour = brush.color();
            colour.setAlphaF(series->isVisible() ? 1.0 : 0.25);
            brush.setColor(colour);
            marker->setBrush(brush);
        });
    }
}

void ChartView::resetZoom()
{
    if (chart())
        chart()->zoomReset();
}

void ChartView::zoomAround(QPointF center, double factor)
{
    const QRectF plot = chart()->plotArea();
    if (!plot.contains(center))
        center = plot.center();
    const double width = plot.width() / factor;
    const double height = plot.height() / factor;
    const double left = center.x() - (center.x() - plot.left()) / factor;
    const double top = center.y() - (center.y() - plot.top()) / factor;
    chart()->zoomIn(QRectF(left, top, width, height));
}

void ChartView::wheelEvent(QWheelEvent* event)
{
    if (!chart())
        return;
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomAround(event->position(), std::pow(1.25, steps));
    event->accept();
}

void ChartView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
        m_panning = true;
        m_lastPan = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton)
        m_pressPosition = event->position().toPoint();
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_lastPan;
        m_lastPan = event->position().toPoint();
        chart()->scroll(-delta.x(), delta.y());
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
    const QString text = describePointAt(event->position().toPoint());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void ChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        // QChartView zooms out on a right click; a context menu is more useful here.
        event->ignore();
        return;
    }
    QChartView::mouseReleaseEvent(event);
    // A click, not a drag: select the packet under the cursor.
    if (event->button() == Qt::LeftButton &&
        (event->position().toPoint() - m_pressPosition).manhattanLength() < QApplication::startDragDistance())
        selectPointAt(event->position().toPoint());
}

void ChartView::keyPressEvent(QKeyEvent* event)
{
    if (!chart()) {
        QChartView::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAround(chart()->plotArea().center(), 1.5); break;
    case Qt::Key_Minus: zoomAround(chart()->plotArea().center(), 1 / 1.5); break;
    case Qt::Key_Left: chart()->scroll(-chart()->plotArea().width() / 10, 0); break;
    case Qt::Key_Right: chart()->scroll(chart()->plotArea().width() / 10, 0); break;
    case Qt::Key_Up: chart()->scroll(0, chart()->plotArea().height() / 10); break;
    case Qt::Key_Down: chart()->scroll(0, -chart()->plotArea().height() / 10); break;
    case Qt::Key_Home:
    case Qt::Key_Escape:
    case Qt::Key_R: resetZoom(); break;
    case Qt::Key_N: stepSelection(1); break;
    case Qt::Key_P: stepSelection(-1); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void ChartView::contextMenuEvent(QContextMenuEvent* event)
{
    if (!charts::ChartHandle::of(chart()))
        return;
    QMenu menu(this);
    menu.addAction(tr("Reset zoom"), this, &ChartView::resetZoom);
    menu.addAction(tr("Save chart as…"), this, &ChartView::saveRequested);
    menu.exec(event->globalPos());
}

std::optional<ChartView::PointHit> ChartView::pointAt(const QPoint& position) const
{
    auto* handle = charts::ChartHandle::of(chart());
    if (!handle)
        return std::nullopt;
    constexpr double radius = 8.0; // pixels
    const QPointF scenePosition = chart()->mapFromScene(mapToScene(position));
    if (!chart()->plotArea().contains(scenePosition))
        return std::nullopt;
    double best = radius * radius;
    const charts::HoverSource* bestSeries = nullptr;
    std::size_t bestIndex = 0;

    for (const auto& source : handle->hoverSources()) {
        QAbstractSeries* series = source.series;
        if (!series->isVisible())
            continue;
        const core::ChartSeries& data = *source.data;
        if (data.x.empty())
            continue;
        // The real packets near the cursor, from the full-resolution columns, not from the
        // decimated points on screen.
        const QPointF left = chart()->mapToValue(scenePosition - QPointF(radius, 0), series);
        const QPointF right = chart()->mapToValue(scenePosition + QPointF(radius, 0), series);
        auto first = std::lower_bound(data.x.begin(), data.x.end(), left.x());
        const auto last = std::upper_bound(first, data.x.end(), right.x());
        std::size_t scanned = 0;
        for (auto it = first; it != last && scanned < 5000; ++it, ++scanned) {
            const std::size_t i = std::size_t(it - data.x.begin());
            const QPointF at = chart()->mapToPosition(QPointF(data.x[i], data.y[i] / source.yScale), series);
            const double dx = at.x() - scenePosition.x();
            const double dy = at.y() - scenePosition.y();
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                bestSeries = &source;
                bestIndex = i;
            }
        }
    }
    if (!bestSeries)
        return std::nullopt;
    return PointHit{bestSeries, bestIndex};
}

QString ChartView::describePointAt(const QPoint& position) const
{
    const auto hit = pointAt(position);
    if (!hit)
        return {};
    auto* handle = charts::ChartHandle::of(chart());
    const charts::HoverSource* bestSeries = hit->source;
    const std::size_t bestIndex = hit->index;
    const core::ChartSeries& data = *bestSeries->data;
    const auto& request = handle->request();
    QString text = bestSeries->series->name() + QLatin1Char('\n');
    text += tr("time %1 s").arg(data.x[bestIndex], 0, 'f', 6);
    if (request.kind == charts::ChartKind::Goodput) {
        const double covered = handle->data().goodput.coveredSeconds(data.x[bestIndex]);
        text += QLatin1Char('\n') +
                tr("%1 Mbit/s over the last %2 s").arg(data.y[bestIndex] / 1e6, 0, 'f', 3).arg(covered, 0, 'g', 3);
        return text;
    }
    if (request.kind == charts::ChartKind::OutOfOrderQueue) {
        if (data.packet[bestIndex] != 0)
            text += QLatin1Char('\n') + tr("packet %1").arg(data.packet[bestIndex]);
        return text + QLatin1Char('\n') + tr("%1 bytes waiting for earlier data").arg(qulonglong(data.y[bestIndex]));
    }
    if (request.kind == charts::ChartKind::OneWayDelay) {
        const auto& delays = handle->data().oneWayDelay;
        const QString& file = delays.fileNames[&data == &delays.lost[1] ? 1 : 0];
        return text + QLatin1Char('\n') + tr("packet %1 of %2").arg(data.packet[bestIndex]).arg(file) +
               QLatin1Char('\n') + describeValue(*hit);
    }
    text += QLatin1Char('\n') + tr("packet %1").arg(data.packet[bestIndex]);
    if (request.kind == charts::ChartKind::Rtt || request.kind == charts::ChartKind::TcpAttribute)
        return text + QLatin1Char('\n') + describeValue(*hit);
    const bool fromIdsn = handle->data().sequence.fromIdsn;
    text += QLatin1Char('\n') + (!request.mptcp() ? tr("relative sequence %1").arg(qulonglong(data.y[bestIndex]))
                                 : fromIdsn       ? tr("DSN − IDSN %1").arg(qulonglong(data.y[bestIndex]))
                                                  : tr("DSN − lowest seen %1").arg(qulonglong(data.y[bestIndex])));
    if (data.length[bestIndex] > 0)
        text += QLatin1Char('\n') + tr("%1 bytes").arg(data.length[bestIndex]);
    if (const QString note = reinjectionNote(*handle, data.packet[bestIndex]); !note.isEmpty())
        text += QLatin1Char('\n') + note;
    return text;
}

// The hover line of a round-trip time or TCP attribute point.
QString ChartView::describeValue(const PointHit& hit) const
{
    const auto* handle = charts::ChartHandle::of(chart());
    const core::ChartSeries& data = *hit.source->data;
    const double y = data.y[hit.index];
    if (handle->request().kind == charts::ChartKind::Rtt)
        return tr("round-trip time %1 ms\n%2 bytes").arg(y * 1e3, 0, 'f', 3).arg(data.length[hit.index]);
    if (handle->request().kind == charts::ChartKind::OneWayDelay) {
        const auto& lost = handle->data().oneWayDelay.lost;
        const QString line = (&data == &lost[0] || &data == &lost[1])
                                 ? tr("lost: the receiver never captured it")
                                 : tr("one-way delay %1 ms").arg(y * 1e3, 0, 'f', 3);
        const std::uint32_t bytes = data.length[hit.index];
        return bytes > 0 ? line + QLatin1Char('\n') + tr("%1 bytes").arg(bytes) : line;
    }
    const auto& attributes = handle->data().tcpAttributes;
    if (&data == &attributes.sequence)
        return tr("relative sequence %1\n%2 bytes").arg(qulonglong(y)).arg(data.length[hit.index]);
    if (&data == &attributes.acks)
        return tr("acknowledges %1").arg(qulonglong(y));
    if (&data == &attributes.receiveWindow)
        return tr("receive window %1 bytes").arg(qulonglong(y));
    return tr("%1 bytes in flight").arg(qulonglong(y));
}

bool ChartView::selectPointAt(const QPoint& position)
{
    const auto hit = pointAt(position);
    if (!hit || hit->source->data->packet[hit->index] == 0)
        return false; // goodput samples and bars stand for no one packet
    select(*hit->source, hit->index);
    return true;
}

void ChartView::select(const charts::HoverSource& source, std::size_t index)
{
    m_selectedData = source.data;
    m_selectedSeries = source.series;
    m_selectedYScale = source.yScale;
    m_selectedIndex = index;
    viewport()->update();
    emit packetSelected(m_selectedData->packet[index]);
}

bool ChartView::stepSelection(int step)
{
    if (!m_selectedData)
        return false;
    const core::ChartSeries& data = *m_selectedData;
    const std::uint32_t current = data.packet[m_selectedIndex];
    // The next point of another packet: steps draw two points per packet.
    std::size_t i = m_selectedIndex;
    do {
        if ((step > 0 && i + 1 >= data.size()) || (step < 0 && i == 0))
            return false;
        i = step > 0 ? i + 1 : i - 1;
    } while (data.packet[i] == current || data.packet[i] == 0);
    m_selectedIndex = i;
    // Keep it in view: scroll the plot when it steps out.
    const QRectF plot = chart()->plotArea();
    const QPointF at = chart()->mapToPosition(QPointF(data.x[i], data.y[i] / m_selectedYScale), m_selectedSeries);
    if (at.x() < plot.left() || at.x() > plot.right())
        chart()->scroll(at.x() - plot.center().x(), 0);
    viewport()->update();
    emit packetSelected(data.packet[i]);
    return true;
}

void ChartView::clearSelection()
{
    if (!m_selectedData)
        return;
    m_selectedData = nullptr;
    m_selectedSeries = nullptr;
    viewport()->update();
    emit selectionCleared();
}

quint32 ChartView::selectedPacket() const { return m_selectedData ? m_selectedData->packet[m_selectedIndex] : 0; }

std::optional<QPoint> ChartView::selectedPointPosition() const
{
    if (!m_selectedData || !m_selectedSeries->isVisible())
        return std::nullopt;
    const core::ChartSeries& data = *m_selectedData;
    const QPointF at = chart()->mapToPosition(
        QPointF(data.x[m_selectedIndex], data.y[m_selectedIndex] / m_selectedYScale), m_selectedSeries);
    if (!chart()->plotArea().contains(at))
        return std::nullopt;
    return mapFromScene(chart()->mapToScene(at));
}

void ChartView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QChartView::drawForeground(painter, rect);
    const auto at = selectedPointPosition();
    if (!at)
        return;
    const QPointF centre = mapToScene(*at);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(Qt::white, 4));
    painter->drawEllipse(centre, 7, 7);
    painter->setPen(QPen(QColor(0x20, 0x20, 0x20), 2));
    painter->drawEllipse(centre, 7, 7);
    painter->restore();
}

} // namespace app
