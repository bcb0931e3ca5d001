#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

// Where the test inputs live, and the committed facts derived from them by tests/oracle/.
namespace testdata {

// The rows of a tab-separated table (tests/data/*.tsv): the fields of each line, blank lines
// and # comments left out; nothing when the file cannot be read.
inline std::optional<std::vector<QStringList>> tsvRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    std::vector<QStringList> rows;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            rows.push_back(line.split(QLatin1Char('\t')));
    }
    return rows;
}

// A GUI test's settings (recent files, window state) in `dir`, never the user's.
inline void isolateSettings(const QString& dir, const QString& testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QCoreApplication::setOrganizationName(QStringLiteral("mptcpscope-tests"));
    QCoreApplication::setApplicationName(testName);
}

inline QString samplesDir() { return QStringLiteral(MPTCPSCOPE_SAMPLES_DIR); }
inline QString dataDir() { return QStringLiteral(MPTCPSCOPE_TEST_DATA_DIR); }
inline QString sharedCapturesDir() { return QStringLiteral(MPTCPSCOPE_SHARED_CAPTURES); }
inline bool haveSharedCaptures() { return !sharedCapturesDir().isEmpty() && QDir(sharedCapturesDir()).exists(); }

inline QStringList sampleCaptures()
{
    QStringList result;
    const QDir dir(samplesDir());
    for (const auto& name :
         dir.entryList({QStringLiteral("*.pcap"), QStringLiteral("*.pcapng")}, QDir::Files, QDir::Name))
        result << dir.filePath(name);
    return result;
}

inline QStringList sharedCaptures()
{
    QStringList result;
    if (!haveSharedCaptures())
        return result;
    const QDir dir(sharedCapturesDir());
    for (const auto& name :
         dir.entryList({QStringLiteral("*.pcap"), QStringLiteral("*.pcapng")}, QDir::Files, QDir::Name))
        result << dir.filePath(name);
    return result;
}

struct PacketCount {
    qint64 packets = -1;
    QString linkType;
    qint64 nonTcpPackets = -1; // tshark -Y 'not tcp'
};

// tests/data/packet_counts.tsv, written by tests/oracle/packet_counts.sh from capinfos.
inline std::map<QString, PacketCount> packetCounts()
{
    std::map<QString, PacketCount> result;
    for (const QStringList& fields :
         tsvRows(dataDir() + QStringLiteral("/packet_counts.tsv")).value_or(std::vector<QStringList>{}))
        if (fields.size() >= 3)
            result[fields[0]] = {fields[1].toLongLong(), fields[2], fields.size() >= 4 ? fields[3].toLongLong() : -1};
    return result;
}

} // namespace testdata
