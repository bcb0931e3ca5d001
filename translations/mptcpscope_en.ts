<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>app::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="275"/>
        <source>%n files dropped: drop one capture, or two captures of one experiment to open them as a pair</source>
        <translation>
            <numerusform>%n file dropped: drop one capture, or two captures of one experiment to open them as a pair</numerusform>
            <numerusform>%n files dropped: drop one capture, or two captures of one experiment to open them as a pair</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="359"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window_pair.cpp" line="76"/>
        <source>Select exactly two captures (%n selected): the same experiment seen at both ends of the path.</source>
        <translation>
            <numerusform>Select exactly two captures (%n selected): the same experiment seen at both ends of the path.</numerusform>
            <numerusform>Select exactly two captures (%n selected): the same experiment seen at both ends of the path.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::ReinjectionTableModel</name>
    <message numerus="yes">
        <location filename="../app/gui/reinjection_table_model.cpp" line="100"/>
        <source>tcp.stream %1 → %2: %n range(s), %3</source>
        <translation>
            <numerusform>tcp.stream %1 → %2: %n range, %3</numerusform>
            <numerusform>tcp.stream %1 → %2: %n ranges, %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/reinjection_table_model.cpp" line="104"/>
        <source>%1: %n reinjected range(s), %2 (%3).</source>
        <translation>
            <numerusform>%1: %n reinjected range, %2 (%3).</numerusform>
            <numerusform>%1: %n reinjected ranges, %2 (%3).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::WarningsDialog</name>
    <message numerus="yes">
        <location filename="../app/gui/warnings_dialog.cpp" line="102"/>
        <source>%n warning(s) while loading %1.</source>
        <translation>
            <numerusform>%n warning while loading %1.</numerusform>
            <numerusform>%n warnings while loading %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
