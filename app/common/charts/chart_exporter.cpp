#include "charts/chart_exporter.h"

#include "charts/chart_builder.h"

#include <QChart>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QTextDocumentFragment>

namespace app::charts {

bool exportChart(QChart* chart, const QString& path, QSize size, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        if (error)
            *error = QCoreApplication::translate("app::charts", "%1: the file name must end in .png or .svg").arg(path);
        return false;
    }
    if (size.width() < 16 || size.height() < 16 || size.width() > 20000 || size.height() > 20000) {
        if (error)
            *error = QCoreApplication::translate("app::charts", "%1: size %2×%3 is out of range")
                         .arg(path)
                         .arg(size.width())
                         .arg(size.height());
        return false;
    }

    // Render a scene of its own at the requested size, so the on-screen view is untouched.
    QGraphicsScene scene;
    scene.setItemIndexMethod(QGraphicsScene::NoIndex); // as ChartView's: no stale index entries
    QGraphicsItem* previousParent = chart->parentItem();
    QGraphicsScene* previousScene = chart->scene();
    const QSizeF previousSize = chart->size();
    if (previousScene)
        previousScene->removeItem(chart);
    scene.addItem(chart);
    chart->setPos(0, 0);
    chart->resize(size);
    scene.setSceneRect(QRectF(QPointF(0, 0), QSizeF(size)));
    // The layout settles the plot area; the series then decimate for that width. Only the
    // chart's own events: any other posted event could replace (delete) the chart mid-export.
    // The axes choose their ticks for the plot area, which asks for another layout; the
    // vertical axis's new labels may move the plot once more.
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::sendPostedEvents(chart, QEvent::LayoutRequest);
    if (auto* handle = ChartHandle::of(chart))
        handle->refreshAll();

    bool ok = true;
    if (suffix == QLatin1String("png")) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), scene.sceneRect());
        painter.end();
        ok = image.save(path, "PNG");
    } else {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setResolution(96); // CSS pixels: browsers show the SVG at the requested size
        generator.setViewBox(QRect(QPoint(0, 0), size));
        // QSvgGenerator writes the title unescaped; a chart title may hold markup (<br>).
        generator.setTitle(QTextDocumentFragment::fromHtml(chart->title()).toPlainText().simplified().toHtmlEscaped());
        generator.setDescription(QStringLiteral("mptcpscope"));
        QPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), scene.sceneRect());
            painter.end();
        }
    }
    if (!ok && error)
        *error = QCoreApplication::translate("app::charts", "%1: could not write the file").arg(path);

    scene.removeItem(chart);
    chart->resize(previousSize);
    if (previousScene)
        previousScene->addItem(chart);
    if (previousParent)
        chart->setParentItem(previousParent);
    if (auto* handle = ChartHandle::of(chart))
        handle->refreshAll();
    return ok;
}

} // namespace app::charts
