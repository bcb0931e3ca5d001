#include "settings.h"

#include <QSettings>

namespace app::settings {
namespace {
const QString recentKey = QStringLiteral("files/recent");
}

QStringList recentFiles() { return QSettings().value(recentKey).toStringList(); }

void addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    QSettings().setValue(recentKey, files);
}

void clearRecentFiles() { QSettings().remove(recentKey); }

QByteArray windowGeometry() { return QSettings().value(QStringLiteral("window/geometry")).toByteArray(); }
void setWindowGeometry(const QByteArray& value) { QSettings().setValue(QStringLiteral("window/geometry"), value); }
QByteArray windowState() { return QSettings().value(QStringLiteral("window/state")).toByteArray(); }
void setWindowState(const QByteArray& value) { QSettings().setValue(QStringLiteral("window/state"), value); }

QByteArray splitterState(const QString& name)
{
    return QSettings().value(QStringLiteral("splitters/") + name).toByteArray();
}
void setSplitterState(const QString& name, const QByteArray& value)
{
    QSettings().setValue(QStringLiteral("splitters/") + name, value);
}

QByteArray headerState(const QString& name)
{
    return QSettings().value(QStringLiteral("headers/") + name).toByteArray();
}
void setHeaderState(const QString& name, const QByteArray& value)
{
    QSettings().setValue(QStringLiteral("headers/") + name, value);
}

} // namespace app::settings
