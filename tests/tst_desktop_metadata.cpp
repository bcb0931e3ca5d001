// The .desktop file, AppStream metainfo, icon and MIME package as cmake --install installs them:
// named after the application id, and clean for desktop-file-validate and appstreamcli (each
// check runs when its tool is installed).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestDesktopMetadata : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void filesAreInstalledUnderTheApplicationId();
    void desktopFileAndMetainfoNameTheId();
    void desktopFileValidateHasNothingToSay();
    void appstreamValidateFindsNoWarning();

private:
    QString installed(const QString& relativeToDataDir) const;
    QTemporaryDir m_prefix;
};

namespace {

const QString appId = QStringLiteral(MPTCPSCOPE_APP_ID);

struct Output {
    int code = -1;
    QString text; // stdout and stderr
};

Output runTool(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

QString desktopEntry(const QString& path, const QString& key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QString prefix = key + QLatin1Char('=');
    for (const auto& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n')))
        if (line.startsWith(prefix))
            return line.mid(prefix.size());
    return {};
}

} // namespace

void TestDesktopMetadata::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    const Output install = runTool(QStringLiteral(MPTCPSCOPE_CMAKE_COMMAND),
                                   {QStringLiteral("--install"), QStringLiteral(MPTCPSCOPE_BUILD_DIR),
                                    QStringLiteral("--component"), QStringLiteral("desktop_metadata"),
                                    QStringLiteral("--prefix"), m_prefix.path()});
    QVERIFY2(install.code == 0, qPrintable(install.text));
}

QString TestDesktopMetadata::installed(const QString& relativeToDataDir) const
{
    return m_prefix.filePath(QStringLiteral(MPTCPSCOPE_INSTALL_DATADIR "/") + relativeToDataDir);
}

void TestDesktopMetadata::filesAreInstalledUnderTheApplicationId()
{
    QVERIFY(appId.count(QLatin1Char('.')) >= 2);
    for (const QString& path :
         {QStringLiteral("applications/%1.desktop"), QStringLiteral("metainfo/%1.metainfo.xml"),
          QStringLiteral("icons/hicolor/scalable/apps/%1.svg"), QStringLiteral("mime/packages/%1.xml")})
        QVERIFY2(QFile::exists(installed(path.arg(appId))), qPrintable(path.arg(appId)));
}

void TestDesktopMetadata::desktopFileAndMetainfoNameTheId()
{
    const QString desktop = installed(QStringLiteral("applications/%1.desktop").arg(appId));
    QCOMPARE(desktopEntry(desktop, QStringLiteral("Icon")), appId);

    QFile metainfo(installed(QStringLiteral("metainfo/%1.metainfo.xml").arg(appId)));
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&metainfo);
    QString id, launchable;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("id"))
            id = xml.readElementText();
        else if (xml.name() == QLatin1String("launchable"))
            launchable = xml.readElementText();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(id, appId);
    QCOMPARE(launchable, appId + QStringLiteral(".desktop"));
}

void TestDesktopMetadata::desktopFileValidateHasNothingToSay()
{
    const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (validator.isEmpty())
        QSKIP("desktop-file-validate is not installed (package desktop-file-utils)");
    const Output result = runTool(validator, {installed(QStringLiteral("applications/%1.desktop").arg(appId))});
    QVERIFY2(result.code == 0 && result.text.isEmpty(), qPrintable(result.text));
}

void TestDesktopMetadata::appstreamValidateFindsNoWarning()
{
    const QString appstreamcli = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (appstreamcli.isEmpty())
        QSKIP("appstreamcli is not installed (package appstream)");
    // validate-tree also checks that the launchable .desktop file is installed beside.
    const QString metainfo = installed(QStringLiteral("metainfo/%1.metainfo.xml").arg(appId));
    static const QRegularExpression problem(QStringLiteral("^\\s*[EW]: "), QRegularExpression::MultilineOption);
    static const QRegularExpression info(QStringLiteral("^\\s*I: "), QRegularExpression::MultilineOption);
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("validate"), QStringLiteral("--no-net"), metainfo},
          QStringList{QStringLiteral("validate-tree"), QStringLiteral("--no-net"), m_prefix.path()}}) {
        const Output result = runTool(appstreamcli, arguments);
        QVERIFY2(result.code == 0 && !result.text.contains(problem), qPrintable(result.text));
        if (result.text.contains(info)) // allowed, but worth a look
            qInfo().noquote() << result.text;
    }
}

QTEST_GUILESS_MAIN(TestDesktopMetadata)
#include "tst_desktop_metadata.moc"
