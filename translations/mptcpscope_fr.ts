<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>app::ChartPanel</name>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="27"/>
        <location filename="../app/gui/chart_panel.cpp" line="125"/>
        <source>Data sequence numbers</source>
        <translation>Numéros de séquence de données</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="28"/>
        <source>Goodput</source>
        <translation>Débit utile</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="29"/>
        <source>Subflow share</source>
        <translation>Part des sous-flux</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="31"/>
        <source>client → server</source>
        <translation>client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="32"/>
        <source>server → client</source>
        <translation>serveur → client</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="35"/>
        <source>%1 s window</source>
        <translation>fenêtre de %1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="37"/>
        <source>Data acks</source>
        <translation>Acquittements de données</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="39"/>
        <source>Reset zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="41"/>
        <source>Save chart as…</source>
        <translation>Enregistrer le graphique sous…</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="125"/>
        <source>Sequence numbers</source>
        <translation>Numéros de séquence</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="155"/>
        <source>Save chart as</source>
        <translation>Enregistrer le graphique sous</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="156"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="161"/>
        <source>Image size</source>
        <translation>Taille de l&apos;image</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="168"/>
        <location filename="../app/gui/chart_panel.cpp" line="169"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="174"/>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="175"/>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="182"/>
        <source>Could not save the chart</source>
        <translation>Impossible d&apos;enregistrer le graphique</translation>
    </message>
</context>
<context>
    <name>app::ChartView</name>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="31"/>
        <source>Drag: zoom to a rectangle. Wheel: zoom. Shift+drag or middle button: pan. Home, Esc or R: reset. Click a legend entry to hide or show its series.</source>
        <translation>Glisser : zoomer sur un rectangle. Molette : zoomer. Maj+glisser ou bouton du milieu : déplacer la vue. Début, Échap ou R : réinitialiser. Cliquez sur une entrée de la légende pour masquer ou afficher sa série.</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="53"/>
        <source>%1
%2 bytes, %3 % of this interval</source>
        <translation>%1
%2 octets, %3 % de cet intervalle</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="223"/>
        <source>time %1 s</source>
        <translation>temps %1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="225"/>
        <source>%1 Mbit/s over the last %2 s</source>
        <translation>%1 Mbit/s sur les %2 s précédentes</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="228"/>
        <source>packet %1</source>
        <translation>paquet %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="229"/>
        <source>DSN − IDSN %1</source>
        <translation>DSN − IDSN %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="230"/>
        <source>relative sequence %1</source>
        <translation>séquence relative %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="232"/>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
</context>
<context>
    <name>app::ConnectionTreeModel</name>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="138"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="139"/>
        <source>Client → server</source>
        <translation>Client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="140"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="141"/>
        <source>Subflows</source>
        <translation>Sous-flux</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="142"/>
        <source>Packets</source>
        <translation>Paquets</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="143"/>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="144"/>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="145"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="183"/>
        <source>MPTCP connections (%1)</source>
        <translation>Connexions MPTCP (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="184"/>
        <source>Unattached subflows (%1)</source>
        <translation>Sous-flux non rattachés (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="185"/>
        <source>Plain TCP connections (%1)</source>
        <translation>Connexions TCP simples (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="225"/>
        <source>Client token %1, server token %2</source>
        <translation>Jeton client %1, jeton serveur %2</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="234"/>
        <source>mptcp.stream %1</source>
        <translation>mptcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="239"/>
        <source>unattached</source>
        <translation>non rattaché</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="240"/>
        <source>MPTCP v%1</source>
        <translation>MPTCP v%1</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="240"/>
        <source>MPTCP</source>
        <translation>MPTCP</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="280"/>
        <location filename="../app/gui/connection_tree_model.cpp" line="327"/>
        <source>tcp.stream %1</source>
        <translation>tcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="286"/>
        <source>initial</source>
        <translation>initial</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="287"/>
        <source>join</source>
        <translation>jonction</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="288"/>
        <source>no handshake</source>
        <translation>sans négociation</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="291"/>
        <source>attached (Wireshark: mptcp.stream %1)</source>
        <translation>rattaché (Wireshark : mptcp.stream %1)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="293"/>
        <source>, backup</source>
        <translation>, secours</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="330"/>
        <source>TCP (MPTCP fallback)</source>
        <translation>TCP (repli MPTCP)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="330"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
</context>
<context>
    <name>app::DetailPane</name>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="23"/>
        <location filename="../app/gui/detail_pane.cpp" line="127"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="47"/>
        <source>&amp;Subflows</source>
        <translation>&amp;Sous-flux</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="48"/>
        <location filename="../app/gui/detail_pane.cpp" line="131"/>
        <source>&amp;Events</source>
        <translation>É&amp;vénements</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="50"/>
        <source>C&amp;harts</source>
        <translation>&amp;Graphiques</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="77"/>
        <source>Export as CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="94"/>
        <source>&lt;h3&gt;mptcp.stream %1 — %2&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;mptcp.stream %1 — %2&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="96"/>
        <source>unattached subflow (its connection is not in the capture)</source>
        <translation>sous-flux non rattaché (sa connexion ne figure pas dans la capture)</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="97"/>
        <source>MPTCP version %1</source>
        <translation>MPTCP version %1</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="98"/>
        <source>MPTCP</source>
        <translation>MPTCP</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="100"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="100"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="100"/>
        <source>IDSN</source>
        <translation>IDSN</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="101"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="101"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="102"/>
        <source>&lt;p&gt;Client → server: %1 of data, %2 reinjected, goodput %3.&lt;br&gt;Server → client: %4 of data, %5 reinjected, goodput %6.&lt;br&gt;Wireshark: &lt;code&gt;%7&lt;/code&gt; or &lt;code&gt;%8&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Client → serveur : %1 de données, %2 réinjectés, débit utile %3.&lt;br&gt;Serveur → client : %4 de données, %5 réinjectés, débit utile %6.&lt;br&gt;Wireshark : &lt;code&gt;%7&lt;/code&gt; ou &lt;code&gt;%8&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="111"/>
        <source>&amp;Events (%1)</source>
        <translation>É&amp;vénements (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="121"/>
        <source>&lt;h3&gt;tcp.stream %1 — plain TCP%2&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;tcp.stream %1 — TCP simple%2&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="123"/>
        <source> (MPTCP was offered and fell back)</source>
        <translation> (MPTCP a été proposé puis abandonné)</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="124"/>
        <source>&lt;p&gt;%1 → %2, %3 packets, handshake RTT %4.&lt;br&gt;Wireshark: &lt;code&gt;%5&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 → %2, %3 paquets, RTT de négociation %4.&lt;br&gt;Wireshark : &lt;code&gt;%5&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="138"/>
        <source>&lt;p&gt;Select a connection in the tree to see its subflows and events.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sélectionnez une connexion dans l&apos;arborescence pour afficher ses sous-flux et ses événements.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>app::EventTableModel</name>
    <message>
        <location filename="../app/gui/event_table_model.cpp" line="42"/>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <location filename="../app/gui/event_table_model.cpp" line="43"/>
        <source>Packet</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <location filename="../app/gui/event_table_model.cpp" line="44"/>
        <source>tcp.stream</source>
        <translation>tcp.stream</translation>
    </message>
    <message>
        <location filename="../app/gui/event_table_model.cpp" line="45"/>
        <source>Sent by</source>
        <translation>Envoyé par</translation>
    </message>
    <message>
        <location filename="../app/gui/event_table_model.cpp" line="46"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../app/gui/event_table_model.cpp" line="47"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../app/gui/event_table_model.cpp" line="67"/>
        <source>subflow client</source>
        <translation>client du sous-flux</translation>
    </message>
    <message>
        <location filename="../app/gui/event_table_model.cpp" line="67"/>
        <source>subflow server</source>
        <translation>serveur du sous-flux</translation>
    </message>
</context>
<context>
    <name>app::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="40"/>
        <source>mptcpscope</source>
        <translation>mptcpscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="45"/>
        <source>Filter: address, port, tcp.stream, mptcp.stream, token</source>
        <translation>Filtre : adresse, port, tcp.stream, mptcp.stream, jeton</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="82"/>
        <source>Drop a .pcap or .pcapng capture on the window, or use File ▸ Open (Ctrl+O).</source>
        <translation>Déposez une capture .pcap ou .pcapng sur la fenêtre, ou utilisez Fichier ▸ Ouvrir (Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="87"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="100"/>
        <source>Loading %1 cancelled</source>
        <translation>Chargement de %1 annulé</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="115"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="116"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="117"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir &amp;récent</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="120"/>
        <source>Export &amp;Subflow Table as CSV…</source>
        <translation>Exporter la table des &amp;sous-flux en CSV…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="122"/>
        <source>Export &amp;Event Table as CSV…</source>
        <translation>Exporter la table des é&amp;vénements en CSV…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="125"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="127"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="128"/>
        <source>&amp;Copy Wireshark Filter</source>
        <translation>&amp;Copier le filtre Wireshark</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="129"/>
        <source>&amp;Find Connection</source>
        <translation>&amp;Rechercher une connexion</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="134"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="135"/>
        <source>&amp;Expand All</source>
        <translation>&amp;Tout déplier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="136"/>
        <source>&amp;Collapse All</source>
        <translation>Tout &amp;replier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="139"/>
        <source>&amp;About mptcpscope</source>
        <translation>À &amp;propos de mptcpscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="140"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="155"/>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="158"/>
        <source>&amp;Clear List</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="168"/>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="176"/>
        <source>Open capture</source>
        <translation>Ouvrir une capture</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="177"/>
        <source>Packet captures (*.pcap *.pcapng *.cap);;All files (*)</source>
        <translation>Captures de paquets (*.pcap *.pcapng *.cap);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="184"/>
        <source>About mptcpscope</source>
        <translation>À propos de mptcpscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="185"/>
        <source>&lt;h3&gt;mptcpscope %1&lt;/h3&gt;&lt;p&gt;Multipath TCP captures at a glance.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (Widgets, Charts, Svg), libpcap, spdlog and OpenSSL libcrypto.&lt;/p&gt;&lt;p&gt;Connection numbers follow Wireshark&apos;s &lt;code&gt;tcp.stream&lt;/code&gt; and &lt;code&gt;mptcp.stream&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;mptcpscope %1&lt;/h3&gt;&lt;p&gt;Les captures Multipath TCP en un coup d&apos;œil.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2 (Widgets, Charts, Svg), libpcap, spdlog et OpenSSL libcrypto.&lt;/p&gt;&lt;p&gt;Les numéros de connexion suivent les champs &lt;code&gt;tcp.stream&lt;/code&gt; et &lt;code&gt;mptcp.stream&lt;/code&gt; de Wireshark.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="199"/>
        <source>Drop one capture file at a time</source>
        <translation>Déposez un seul fichier de capture à la fois</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="200"/>
        <location filename="../app/gui/main_window.cpp" line="208"/>
        <source>Only a local capture file (.pcap, .pcapng) can be dropped here</source>
        <translation>Seul un fichier de capture local (.pcap, .pcapng) peut être déposé ici</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="229"/>
        <source>%1 — mptcpscope</source>
        <translation>%1 — mptcpscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="230"/>
        <source>%1 — %2 packets, %3 MPTCP and %4 TCP connections, link type %5, loaded in %6 ms%7</source>
        <translation>%1 — %2 paquets, %3 connexions MPTCP et %4 connexions TCP, type de lien %5, chargé en %6 ms%7</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="238"/>
        <source>, %n warning(s)</source>
        <translation>
            <numerusform>, %n avertissement</numerusform>
            <numerusform>, %n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="263"/>
        <source>Could not open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="265"/>
        <source>Could not open capture</source>
        <translation>Impossible d&apos;ouvrir la capture</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="266"/>
        <source>&lt;p&gt;%1 could not be loaded; the previous capture stays open.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Impossible de charger %1 ; la capture précédente reste ouverte.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="309"/>
        <source>Copied Wireshark filter: %1</source>
        <translation>Filtre Wireshark copié : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="320"/>
        <location filename="../app/gui/main_window.cpp" line="326"/>
        <source>Copy Wireshark filter: %1</source>
        <translation>Copier le filtre Wireshark : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="329"/>
        <source>Expand all</source>
        <translation>Tout déplier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="330"/>
        <source>Collapse all</source>
        <translation>Tout replier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>Nothing to export: select a connection first</source>
        <translation>Rien à exporter : sélectionnez d&apos;abord une connexion</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="340"/>
        <source>Export table as CSV</source>
        <translation>Exporter la table en CSV</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="341"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="346"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="346"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="348"/>
        <source>Exported %1</source>
        <translation>Exporté : %1</translation>
    </message>
</context>
<context>
    <name>app::SubflowTableModel</name>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="57"/>
        <source>tcp.stream</source>
        <translation>tcp.stream</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="58"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="59"/>
        <source>Source → destination</source>
        <translation>Source → destination</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="60"/>
        <source>Packets</source>
        <translation>Paquets</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="61"/>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="62"/>
        <source>Retransmitted</source>
        <translation>Retransmis</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="63"/>
        <source>Data bytes</source>
        <translation>Octets de données</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="64"/>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="65"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="66"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="67"/>
        <source>Handshake RTT</source>
        <translation>RTT de négociation</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="68"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="97"/>
        <source>client → server</source>
        <translation>client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="97"/>
        <source>server → client</source>
        <translation>serveur → client</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="125"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="129"/>
        <source>MPTCP fallback</source>
        <translation>repli MPTCP</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="129"/>
        <source>plain TCP</source>
        <translation>TCP simple</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="132"/>
        <source>initial</source>
        <translation>initial</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="133"/>
        <source>join</source>
        <translation>jonction</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="134"/>
        <source>no handshake</source>
        <translation>sans négociation</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="136"/>
        <source>, backup</source>
        <translation>, secours</translation>
    </message>
</context>
<context>
    <name>app::charts</name>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="39"/>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="40"/>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="41"/>
        <source>kB</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="42"/>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="47"/>
        <source>Gbit/s</source>
        <translation>Gbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="48"/>
        <source>Mbit/s</source>
        <translation>Mbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="49"/>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="50"/>
        <source>bit/s</source>
        <translation>bit/s</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="53"/>
        <source>client → server</source>
        <translation>client → serveur</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="53"/>
        <source>server → client</source>
        <translation>serveur → client</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="80"/>
        <source>Time since the first packet (s)</source>
        <translation>Temps depuis le premier paquet (s)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="131"/>
        <source>Data sequence number − IDSN (%1)</source>
        <translation>Numéro de séquence de données − IDSN (%1)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="132"/>
        <source>Relative sequence number (%1)</source>
        <translation>Numéro de séquence relatif (%1)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="144"/>
        <source>data acks</source>
        <translation>acquittements de données</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="151"/>
        <source>reinjected</source>
        <translation>réinjecté</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="151"/>
        <source>retransmitted</source>
        <translation>retransmis</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="165"/>
        <source>Goodput over %1 s (%2)</source>
        <translation>Débit utile sur %1 s (%2)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="175"/>
        <source>all subflows</source>
        <translation>tous les sous-flux</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="187"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="201"/>
        <source>Interval start (s), %1 s each</source>
        <translation>Début de l&apos;intervalle (s), %1 s chacun</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="208"/>
        <source>Share of the new data (%)</source>
        <translation>Part des nouvelles données (%)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="245"/>
        <source>Data sequence numbers</source>
        <translation>Numéros de séquence de données</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="245"/>
        <source>Sequence numbers</source>
        <translation>Numéros de séquence</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="247"/>
        <source>Goodput</source>
        <translation>Débit utile</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="248"/>
        <source>Subflow share of the data</source>
        <translation>Part des données par sous-flux</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="251"/>
        <source>%1 — %2 %3, %4</source>
        <translation>%1 — %2 %3, %4</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="265"/>
        <source>no MPTCP connection with mptcp.stream %1</source>
        <translation>aucune connexion MPTCP avec mptcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="270"/>
        <source>no TCP connection with tcp.stream %1</source>
        <translation>aucune connexion TCP avec tcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="275"/>
        <source>a plain TCP connection has no subflow share</source>
        <translation>une connexion TCP simple n&apos;a pas de part des sous-flux</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_exporter.cpp" line="20"/>
        <source>%1: the file name must end in .png or .svg</source>
        <translation>%1 : le nom du fichier doit se terminer par .png ou .svg</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_exporter.cpp" line="25"/>
        <source>%1: size %2×%3 is out of range</source>
        <translation>%1 : la taille %2×%3 est hors limites</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_exporter.cpp" line="73"/>
        <source>%1: could not write the file</source>
        <translation>%1 : impossible d&apos;écrire le fichier</translation>
    </message>
</context>
<context>
    <name>app::text</name>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="29"/>
        <source>B</source>
        <translation>o</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="30"/>
        <source>kB</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="31"/>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="32"/>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="33"/>
        <source>TB</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="39"/>
        <source>bit/s</source>
        <translation>bit/s</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="40"/>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="41"/>
        <source>Mbit/s</source>
        <translation>Mbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="42"/>
        <source>Gbit/s</source>
        <translation>Gbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="43"/>
        <source>Tbit/s</source>
        <translation>Tbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="51"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="53"/>
        <source>s</source>
        <translation>s</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="31"/>
        <source>Multipath TCP capture analyser</source>
        <translation>Analyseur de captures Multipath TCP</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="35"/>
        <source>Log debug output.</source>
        <translation>Journaliser les messages de débogage.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="38"/>
        <source>A .pcap or .pcapng file to open.</source>
        <translation>Fichier .pcap ou .pcapng à ouvrir.</translation>
    </message>
</context>
</TS>
