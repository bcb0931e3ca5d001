#include "settings.h"

#include <QFileInfo>
#include <QSettings>
#include <QVariantList>

#include <algorithm>

namespace app::settings {
namespace {
const QString recentKey = QStringLiteral("files/recent");
}

// Stored as a list whose items are a path (a string, as before pairs existed) or the two
// paths of a pair (a string list).
QList<QStringList> recentEntries()
{
    QList<QStringList> entries;
    for (const QVariant& item : QSettings().value(recentKey).toList()) {
        const QStringList paths = item.toStringList();
        if (paths.size() == 1 || paths.size() == 2)
            entries.append(paths);
    }
    return entries;
}

void addRecentEntry(const QStringList& paths)
{
    QList<QStringList> entries = recentEntries();
    entries.removeAll(paths);
    entries.prepend(paths);
    QVariantList stored;
    for (const QStringList& entry : entries.first(std::min<qsizetype>(entries.size(), maxRecentFiles)))
        stored.append(entry.size() == 1 ? QVariant(entry.first()) : QVariant(entry));
    QSettings().setValue(recentKey, stored);
}

QString lastOpenedDirectory()
{
    const QList<QStringList> entries = recentEntries();
    return entries.isEmpty() ? QString() : QFileInfo(entries.first().first()).absolutePath();
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
