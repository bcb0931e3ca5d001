<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>app::ChartPanel</name>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="32"/>
        <location filename="../app/gui/chart_panel.cpp" line="253"/>
        <source>Data sequence numbers</source>
        <translation>Numéros de séquence de données</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="33"/>
        <source>Goodput</source>
        <translation>Débit utile</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="34"/>
        <source>Subflow share</source>
        <translation>Part des sous-flux</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="35"/>
        <source>Round-trip time</source>
        <translation>Temps d&apos;aller-retour</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="36"/>
        <source>TCP attributes</source>
        <translation>Attributs TCP</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="37"/>
        <source>Out-of-order queue</source>
        <translation>File hors séquence</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="39"/>
        <source>Bytes that arrived but wait for earlier data (data sequence order), as seen at the capture point: the receiver&apos;s head-of-line blocking when captured at the receiver</source>
        <translation>Octets arrivés mais qui attendent des données antérieures (dans l&apos;ordre des numéros de séquence de données), vus au point de capture : le blocage en tête de ligne du récepteur quand la capture est faite au récepteur</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="42"/>
        <source>One-way delay</source>
        <translation>Délai unidirectionnel</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="44"/>
        <source>client → server</source>
        <translation>client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="45"/>
        <source>server → client</source>
        <translation>serveur → client</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="47"/>
        <location filename="../app/gui/chart_panel.cpp" line="302"/>
        <source>Auto window</source>
        <translation>Fenêtre auto</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="49"/>
        <source>%1 s window</source>
        <translation>fenêtre de %1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="52"/>
        <source>Goodput averaging window. Auto: a round window giving tens of points over the transfer.</source>
        <translation>Fenêtre de moyenne du débit utile. Auto : une fenêtre ronde donnant quelques dizaines de points sur le transfert.</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="53"/>
        <source>Data acks</source>
        <translation>Acquittements de données</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="56"/>
        <source>The subflow whose TCP attributes are drawn</source>
        <translation>Le sous-flux dont les attributs TCP sont tracés</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="58"/>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="59"/>
        <source>Ack</source>
        <translation>Ack</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="60"/>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="61"/>
        <source>In flight</source>
        <translation>En vol</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="68"/>
        <source>The sender&apos;s segments (relative sequence numbers)</source>
        <translation>Les segments de l&apos;émetteur (numéros de séquence relatifs)</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="69"/>
        <source>The receiver&apos;s acknowledgements</source>
        <translation>Les acquittements du récepteur</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="70"/>
        <source>The receiver&apos;s advertised window, scaled (bytes)</source>
        <translation>La fenêtre annoncée par le récepteur, mise à l&apos;échelle (octets)</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="71"/>
        <source>Bytes sent and not yet acknowledged</source>
        <translation>Octets envoyés et pas encore acquittés</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="72"/>
        <source>Reset zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="74"/>
        <source>Save chart as…</source>
        <translation>Enregistrer le graphique sous…</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="87"/>
        <source>Computing the chart…</source>
        <translation>Calcul du graphique…</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="182"/>
        <source>tcp.stream %1</source>
        <translation>tcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="253"/>
        <source>Sequence numbers</source>
        <translation>Numéros de séquence</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="301"/>
        <source>Auto window (%1 s)</source>
        <translation>Fenêtre auto (%1 s)</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="313"/>
        <source>Save chart as</source>
        <translation>Enregistrer le graphique sous</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="314"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="322"/>
        <source>Image size</source>
        <translation>Taille de l&apos;image</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="329"/>
        <location filename="../app/gui/chart_panel.cpp" line="330"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="335"/>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="336"/>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel.cpp" line="346"/>
        <source>Could not save the chart</source>
        <translation>Impossible d&apos;enregistrer le graphique</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel_one_way_delay.cpp" line="86"/>
        <source>One-way delays are drawn for the first capture&apos;s connections: show the details of %1</source>
        <translation>Les délais unidirectionnels se tracent pour les connexions de la première capture : affichez les détails de %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel_one_way_delay.cpp" line="89"/>
        <source>One-way delays need this connection in both captures of a pair (File ▸ Open Pair…)</source>
        <translation>Les délais unidirectionnels nécessitent cette connexion dans les deux captures d&apos;une paire (Fichier ▸ Ouvrir une paire…)</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel_one_way_delay.cpp" line="95"/>
        <source>One-way delays could not be computed: %1</source>
        <translation>Impossible de calculer les délais unidirectionnels : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_panel_one_way_delay.cpp" line="100"/>
        <source>Computing one-way delays… (both files are read again)</source>
        <translation>Calcul des délais unidirectionnels… (les deux fichiers sont relus)</translation>
    </message>
</context>
<context>
    <name>app::ChartView</name>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="109"/>
        <source>%1
%2 bytes, %3 % of this interval</source>
        <translation>%1
%2 octets, %3 % de cet intervalle</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="308"/>
        <source>time %1 s</source>
        <translation>temps %1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="312"/>
        <source>%1 Mbit/s over the last %2 s</source>
        <translation>%1 Mbit/s sur les %2 s précédentes</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="317"/>
        <location filename="../app/gui/chart_view.cpp" line="326"/>
        <source>packet %1</source>
        <translation>paquet %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="331"/>
        <source>DSN − IDSN %1</source>
        <translation>DSN − IDSN %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="330"/>
        <source>relative sequence %1</source>
        <translation>séquence relative %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="38"/>
        <source>reinjection of packet %1 (tcp.stream %2, %3 s)</source>
        <translation>réinjection du paquet %1 (tcp.stream %2, %3 s)</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="43"/>
        <source>reinjected in packet %1 (tcp.stream %2, %3 s)</source>
        <translation>réinjecté dans le paquet %1 (tcp.stream %2, %3 s)</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="55"/>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="76"/>
        <source>Drag: zoom to a rectangle. Wheel: zoom. Shift+drag or middle button: pan. Home, Esc or R: reset. Click a legend entry to hide or show its series. Click a point: its packet; N and P: the next and previous packet of its series.</source>
        <translation>Glisser : zoomer sur un rectangle. Molette : zoomer. Maj+glisser ou bouton du milieu : déplacer. Origine, Échap ou R : réinitialiser. Cliquer une entrée de la légende pour masquer ou afficher sa série. Cliquer un point : son paquet ; N et P : le paquet suivant et précédent de sa série.</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="104"/>
        <source>%1 s to %2 s
</source>
        <translation>de %1 s à %2 s
</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="248"/>
        <source>Reset zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="249"/>
        <source>Save chart as…</source>
        <translation>Enregistrer le graphique sous…</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="318"/>
        <source>%1 bytes waiting for earlier data</source>
        <translation>%1 octets en attente de données antérieures</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="323"/>
        <source>packet %1 of %2</source>
        <translation>paquet %1 de %2</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="332"/>
        <source>DSN − lowest seen %1</source>
        <translation>DSN − plus petit vu %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="334"/>
        <location filename="../app/gui/chart_view.cpp" line="354"/>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="347"/>
        <source>round-trip time %1 ms
%2 bytes</source>
        <translation>temps d&apos;aller-retour %1 ms
%2 octets</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="351"/>
        <source>lost: the receiver never captured it</source>
        <translation>perdu : le récepteur ne l&apos;a jamais capturé</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="352"/>
        <source>one-way delay %1 ms</source>
        <translation>délai unidirectionnel %1 ms</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="358"/>
        <source>relative sequence %1
%2 bytes</source>
        <translation>séquence relative %1
%2 octets</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="360"/>
        <source>acknowledges %1</source>
        <translation>acquitte %1</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="362"/>
        <source>receive window %1 bytes</source>
        <translation>fenêtre de réception %1 octets</translation>
    </message>
    <message>
        <location filename="../app/gui/chart_view.cpp" line="363"/>
        <source>%1 bytes in flight</source>
        <translation>%1 octets en vol</translation>
    </message>
</context>
<context>
    <name>app::ConnectionTreeModel</name>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="85"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="86"/>
        <source>Client → server</source>
        <translation>Client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="87"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="88"/>
        <source>Subflows</source>
        <translation>Sous-flux</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="89"/>
        <source>Packets</source>
        <translation>Paquets</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="90"/>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="91"/>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="92"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="128"/>
        <source>MPTCP connections (%1)</source>
        <translation>Connexions MPTCP (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="129"/>
        <source>Unattached subflows (%1)</source>
        <translation>Sous-flux non rattachés (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="130"/>
        <source>Plain TCP connections (%1)</source>
        <translation>Connexions TCP simples (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="172"/>
        <source>An MP_JOIN to token %1, which no connection in the capture has</source>
        <translation>Un MP_JOIN vers le jeton %1, qu&apos;aucune connexion de la capture ne possède</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="174"/>
        <source>Handshake not captured: keys unknown; the subflows belong together because their data sequence numbers and data acks prove it</source>
        <translation>Poignée de main non capturée : clés inconnues ; les sous-flux vont ensemble parce que leurs numéros de séquence de données et leurs acquittements de données le prouvent</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="176"/>
        <source>Client token %1, server token %2</source>
        <translation>Jeton client %1, jeton serveur %2</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="183"/>
        <source>mptcp.stream %1</source>
        <translation>mptcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="190"/>
        <source>unattached</source>
        <translation>non rattaché</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="190"/>
        <source>unattached MP_JOIN</source>
        <translation>MP_JOIN non rattaché</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="192"/>
        <source>handshake not captured</source>
        <translation>poignée de main non capturée</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="193"/>
        <source>MPTCP v%1</source>
        <translation>MPTCP v%1</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="193"/>
        <source>MPTCP</source>
        <translation>MPTCP</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="232"/>
        <location filename="../app/gui/connection_tree_model.cpp" line="283"/>
        <source>tcp.stream %1</source>
        <translation>tcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="237"/>
        <source>initial</source>
        <translation>initial</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="238"/>
        <source>join</source>
        <translation>jonction</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="239"/>
        <source>no handshake</source>
        <translation>sans négociation</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="243"/>
        <source>attached (Wireshark: mptcp.stream %1)</source>
        <translation>rattaché (Wireshark : mptcp.stream %1)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="244"/>
        <source>grouped (Wireshark: mptcp.stream %1)</source>
        <translation>regroupé (Wireshark : mptcp.stream %1)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="246"/>
        <source>, ISN inferred</source>
        <translation>, ISN déduit</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="248"/>
        <source>, backup</source>
        <translation>, secours</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="285"/>
        <source>TCP (MPTCP fallback)</source>
        <translation>TCP (repli MPTCP)</translation>
    </message>
    <message>
        <location filename="../app/gui/connection_tree_model.cpp" line="285"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
</context>
<context>
    <name>app::DetailPane</name>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="29"/>
        <location filename="../app/gui/detail_pane.cpp" line="241"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="44"/>
        <source>An MP_JOIN to token %1, which no connection in the capture has: its connection&apos;s handshake is not in the capture.</source>
        <translation>Un MP_JOIN vers le jeton %1, qu&apos;aucune connexion de la capture ne possède : la poignée de main de sa connexion n&apos;est pas dans la capture.</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="48"/>
        <source>Handshake not captured, and nothing ties this subflow to another: its keys are unknown.</source>
        <translation>Poignée de main non capturée, et rien ne relie ce sous-flux à un autre : ses clés sont inconnues.</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="50"/>
        <source>Handshake not captured: the keys are unknown; these subflows are one connection because their data acks and data sequence numbers prove it.</source>
        <translation>Poignée de main non capturée : les clés sont inconnues ; ces sous-flux forment une connexion parce que leurs acquittements de données et leurs numéros de séquence de données le prouvent.</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="59"/>
        <source>%1 from %2</source>
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="63"/>
        <source>tcp.stream %1: %2</source>
        <translation>tcp.stream %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="67"/>
        <source>ISN &lt;b&gt;inferred&lt;/b&gt; from the DSS mappings (SYN not captured): %1</source>
        <translation>ISN &lt;b&gt;déduit&lt;/b&gt; des correspondances DSS (SYN non capturé) : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="70"/>
        <source>Only 32-bit data sequence numbers: their upper 32 bits are unknown; charts count from the lowest seen.</source>
        <translation>Numéros de séquence de données sur 32 bits seulement : leurs 32 bits de poids fort sont inconnus ; les graphiques comptent à partir du plus petit vu.</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="85"/>
        <source>%1 reordering at the capture point: queue max %2, p95 %3 (time-weighted); wait max %4, p95 %5 (byte-weighted)</source>
        <translation>%1 : réordonnancement au point de capture, file max %2, p95 %3 (pondération temporelle) ; attente max %4, p95 %5 (pondération par octet)</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="87"/>
        <source>Client → server</source>
        <translation>Client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="88"/>
        <source>Server → client</source>
        <translation>Serveur → client</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="92"/>
        <source>; %1 never deliverable (a hole never filled)</source>
        <translation> ; %1 jamais livrables (un trou jamais comblé)</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="117"/>
        <source>&amp;Subflows</source>
        <translation>&amp;Sous-flux</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="118"/>
        <location filename="../app/gui/detail_pane.cpp" line="246"/>
        <source>&amp;Events</source>
        <translation>É&amp;vénements</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="119"/>
        <location filename="../app/gui/detail_pane.cpp" line="179"/>
        <source>&amp;Reinjections</source>
        <translation>&amp;Réinjections</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="121"/>
        <source>C&amp;harts</source>
        <translation>&amp;Graphiques</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="155"/>
        <source>Export as CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="179"/>
        <source>&amp;Reinjections (%1)</source>
        <translation>&amp;Réinjections (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="195"/>
        <source>&lt;h3&gt;mptcp.stream %1 — %2&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;mptcp.stream %1 — %2&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="197"/>
        <source>unattached subflow (its connection is not in the capture)</source>
        <translation>sous-flux non rattaché (sa connexion ne figure pas dans la capture)</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="198"/>
        <source>MPTCP, handshake not captured</source>
        <translation>MPTCP, poignée de main non capturée</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="199"/>
        <source>MPTCP version %1</source>
        <translation>MPTCP version %1</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="200"/>
        <source>MPTCP</source>
        <translation>MPTCP</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="204"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="204"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="204"/>
        <source>IDSN</source>
        <translation>IDSN</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="205"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="205"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="206"/>
        <source>&lt;p&gt;Client → server: %1 of data, %2 reinjected, goodput %3.&lt;br&gt;Server → client: %4 of data, %5 reinjected, goodput %6.&lt;br&gt;Wireshark: &lt;code&gt;%7&lt;/code&gt; or &lt;code&gt;%8&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Client → serveur : %1 de données, %2 réinjectés, débit utile %3.&lt;br&gt;Serveur → client : %4 de données, %5 réinjectés, débit utile %6.&lt;br&gt;Wireshark : &lt;code&gt;%7&lt;/code&gt; ou &lt;code&gt;%8&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="215"/>
        <source>&amp;Events (%1)</source>
        <translation>É&amp;vénements (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="235"/>
        <source>&lt;h3&gt;tcp.stream %1 — plain TCP%2&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;tcp.stream %1 — TCP simple%2&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="237"/>
        <source> (MPTCP was offered and fell back)</source>
        <translation> (MPTCP a été proposé puis abandonné)</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="238"/>
        <source>&lt;p&gt;%1 → %2, %3 packets, handshake RTT %4.&lt;br&gt;Wireshark: &lt;code&gt;%5&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 → %2, %3 paquets, RTT de négociation %4.&lt;br&gt;Wireshark : &lt;code&gt;%5&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="249"/>
        <source>A plain TCP connection has no reinjections: see its retransmissions on the sequence chart.</source>
        <translation>Une connexion TCP simple n&apos;a pas de réinjections : voyez ses retransmissions sur le graphique des séquences.</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="261"/>
        <source>Reordering at the capture point: …</source>
        <translation>Réordonnancement au point de capture : …</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="279"/>
        <source>&lt;p&gt;Select a connection in the tree to see its subflows and events.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sélectionnez une connexion dans l&apos;arborescence pour afficher ses sous-flux et ses événements.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="305"/>
        <source>No verdicts: %1</source>
        <translation>Aucun verdict : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/detail_pane.cpp" line="320"/>
        <source>Verdicts from the other capture: computing…</source>
        <translation>Verdicts d&apos;après l&apos;autre capture : calcul en cours…</translation>
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
        <location filename="../app/gui/event_table_model.cpp" line="76"/>
        <source>subflow client</source>
        <translation>client du sous-flux</translation>
    </message>
    <message>
        <location filename="../app/gui/event_table_model.cpp" line="76"/>
        <source>subflow server</source>
        <translation>serveur du sous-flux</translation>
    </message>
</context>
<context>
    <name>app::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="53"/>
        <source>mptcpscope</source>
        <translation>mptcpscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="58"/>
        <source>Filter: address, port, tcp.stream, mptcp.stream, token</source>
        <translation>Filtre : adresse, port, tcp.stream, mptcp.stream, jeton</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="99"/>
        <source>Drop a .pcap or .pcapng capture on the window, or use File ▸ Open (Ctrl+O).</source>
        <translation>Déposez une capture .pcap ou .pcapng sur la fenêtre, ou utilisez Fichier ▸ Ouvrir (Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="104"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="110"/>
        <source>Show the warnings of this capture, with their packet numbers</source>
        <translation>Afficher les avertissements de cette capture, avec leurs numéros de paquet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="126"/>
        <source>Loading the pair cancelled</source>
        <translation>Chargement de la paire annulé</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="134"/>
        <source>Loading %1 cancelled</source>
        <translation>Chargement de %1 annulé</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="149"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="150"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="151"/>
        <source>Open &amp;Pair…</source>
        <translation>Ouvrir une &amp;paire…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="154"/>
        <source>Open two captures of one experiment (both ends of the path) side by side</source>
        <translation>Ouvrir côte à côte deux captures d&apos;une même expérience (les deux extrémités du chemin)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="155"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir &amp;récent</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="158"/>
        <source>Export &amp;Subflow Table as CSV…</source>
        <translation>Exporter la table des &amp;sous-flux en CSV…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="160"/>
        <source>Export &amp;Event Table as CSV…</source>
        <translation>Exporter la table des é&amp;vénements en CSV…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="162"/>
        <source>Export Rein&amp;jection Table as CSV…</source>
        <translation>Exporter le tableau des réin&amp;jections en CSV…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="165"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="167"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="168"/>
        <source>&amp;Copy Wireshark Filter</source>
        <translation>&amp;Copier le filtre Wireshark</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="169"/>
        <source>&amp;Find Connection</source>
        <translation>&amp;Rechercher une connexion</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="174"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="175"/>
        <source>&amp;Expand All</source>
        <translation>&amp;Tout déplier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="177"/>
        <source>&amp;Collapse All</source>
        <translation>Tout &amp;replier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="180"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="181"/>
        <source>&amp;About mptcpscope</source>
        <translation>À &amp;propos de mptcpscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="193"/>
        <source>%1 ↔ %2</source>
        <translation>%1 ↔ %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="204"/>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="207"/>
        <source>&amp;Clear List</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="218"/>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="224"/>
        <source>Open capture</source>
        <translation>Ouvrir une capture</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="225"/>
        <location filename="../app/gui/main_window_pair.cpp" line="71"/>
        <source>Packet captures (*.pcap *.pcapng *.cap);;All files (*)</source>
        <translation>Captures de paquets (*.pcap *.pcapng *.cap);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="232"/>
        <source>About mptcpscope</source>
        <translation>À propos de mptcpscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="233"/>
        <source>&lt;h3&gt;mptcpscope %1&lt;/h3&gt;&lt;p&gt;Multipath TCP captures at a glance.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (Widgets, Charts, Svg), libpcap, spdlog and OpenSSL libcrypto.&lt;/p&gt;&lt;p&gt;Connection numbers follow Wireshark&apos;s &lt;code&gt;tcp.stream&lt;/code&gt; and &lt;code&gt;mptcp.stream&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;mptcpscope %1&lt;/h3&gt;&lt;p&gt;Les captures Multipath TCP en un coup d&apos;œil.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2 (Widgets, Charts, Svg), libpcap, spdlog et OpenSSL libcrypto.&lt;/p&gt;&lt;p&gt;Les numéros de connexion suivent les champs &lt;code&gt;tcp.stream&lt;/code&gt; et &lt;code&gt;mptcp.stream&lt;/code&gt; de Wireshark.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="264"/>
        <source>Drop one capture, or two captures of one experiment to open them as a pair</source>
        <translation>Déposez une capture, ou deux captures d&apos;une même expérience pour les ouvrir en paire</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="265"/>
        <location filename="../app/gui/main_window.cpp" line="278"/>
        <source>Only local capture files (.pcap, .pcapng) can be dropped here</source>
        <translation>Seuls des fichiers de capture locaux (.pcap, .pcapng) peuvent être déposés ici</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="275"/>
        <source>%n files dropped: drop one capture, or two captures of one experiment to open them as a pair</source>
        <translation>
            <numerusform>%n fichier déposé : déposez une capture, ou deux captures d&apos;une même expérience pour les ouvrir en paire</numerusform>
            <numerusform>%n fichiers déposés : déposez une capture, ou deux captures d&apos;une même expérience pour les ouvrir en paire</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="310"/>
        <source>%1 — mptcpscope</source>
        <translation>%1 — mptcpscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="340"/>
        <source>%1 packets</source>
        <translation>%1 paquets</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="341"/>
        <source>%1 packets (%2 not TCP)</source>
        <translation>%1 paquets (%2 non TCP)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="342"/>
        <source>%1 — %2, %3 MPTCP and %4 TCP connections, link type %5, loaded in %6 ms</source>
        <translation>%1 — %2, %3 connexions MPTCP et %4 connexions TCP, type de lien %5, chargé en %6 ms</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="350"/>
        <source>Packets that are not TCP (ARP, UDP, ICMPv6 neighbour discovery…) are counted and skipped: they are normal in any capture.</source>
        <translation>Les paquets qui ne sont pas TCP (ARP, UDP, découverte de voisins ICMPv6…) sont comptés et ignorés : ils sont normaux dans toute capture.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="359"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="386"/>
        <source>Could not open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="388"/>
        <source>Could not open capture</source>
        <translation>Impossible d&apos;ouvrir la capture</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="389"/>
        <source>&lt;p&gt;%1 could not be loaded; the previous capture stays open.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Impossible de charger %1 ; la capture précédente reste ouverte.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="428"/>
        <source>Copied Wireshark filter: %1</source>
        <translation>Filtre Wireshark copié : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="439"/>
        <location filename="../app/gui/main_window.cpp" line="444"/>
        <source>Copy Wireshark filter: %1</source>
        <translation>Copier le filtre Wireshark : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="446"/>
        <source>Expand all</source>
        <translation>Tout déplier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="447"/>
        <source>Collapse all</source>
        <translation>Tout replier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="454"/>
        <source>Nothing to export: select a connection first</source>
        <translation>Rien à exporter : sélectionnez d&apos;abord une connexion</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="457"/>
        <source>Export table as CSV</source>
        <translation>Exporter la table en CSV</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="458"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="463"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="463"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="465"/>
        <source>Exported %1</source>
        <translation>Exporté : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_pair.cpp" line="37"/>
        <source>Whose figures, tables and charts the selected row shows</source>
        <translation>La capture dont la ligne sélectionnée affiche les chiffres, les tables et les graphiques</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_pair.cpp" line="50"/>
        <source>Details of:</source>
        <translation>Détails de :</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_pair.cpp" line="63"/>
        <source>Loading %1 and %2…</source>
        <translation>Chargement de %1 et %2…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_pair.cpp" line="70"/>
        <source>Open pair: select two captures of one experiment (first the sender&apos;s side)</source>
        <translation>Ouvrir une paire : sélectionnez deux captures d&apos;une même expérience (d&apos;abord le côté de l&apos;émetteur)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_pair.cpp" line="75"/>
        <source>Open pair</source>
        <translation>Ouvrir une paire</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window_pair.cpp" line="76"/>
        <source>Select exactly two captures (%n selected): the same experiment seen at both ends of the path.</source>
        <translation>
            <numerusform>Sélectionnez exactement deux captures (%n sélectionnée) : la même expérience vue aux deux extrémités du chemin.</numerusform>
            <numerusform>Sélectionnez exactement deux captures (%n sélectionnées) : la même expérience vue aux deux extrémités du chemin.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_pair.cpp" line="92"/>
        <source>%1 ↔ %2 — mptcpscope</source>
        <translation>%1 ↔ %2 — mptcpscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_pair.cpp" line="94"/>
        <source>%1 ↔ %2 — %3 MPTCP and %4 TCP matches, %5 connection(s) only in %1, %6 only in %2; loaded in %7 ms</source>
        <translation>%1 ↔ %2 — %3 appariements MPTCP et %4 TCP, %5 connexion(s) seulement dans %1, %6 seulement dans %2 ; chargé en %7 ms</translation>
    </message>
</context>
<context>
    <name>app::OneWayDelayCache</name>
    <message>
        <location filename="../app/common/one_way_delay_cache.cpp" line="120"/>
        <source>this connection has no matched subflow in the other capture</source>
        <translation>cette connexion n&apos;a aucun sous-flux apparié dans l&apos;autre capture</translation>
    </message>
</context>
<context>
    <name>app::PacketPanel</name>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="60"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="68"/>
        <source> (raw)</source>
        <translation> (brut)</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="79"/>
        <source>data ack %1</source>
        <translation>ack de données %1</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="81"/>
        <source>mapping DSN %1 → subflow seq %2, %3 bytes</source>
        <translation>correspondance DSN %1 → séq. du sous-flux %2, %3 octets</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="88"/>
        <source>checksum %1</source>
        <translation>somme de contrôle %1</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="92"/>
        <source>MP_CAPABLE v%1</source>
        <translation>MP_CAPABLE v%1</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="94"/>
        <source>, sender key %1</source>
        <translation>, clé de l&apos;émetteur %1</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="96"/>
        <source>, receiver key %1</source>
        <translation>, clé du récepteur %1</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="98"/>
        <source>, %1 data bytes</source>
        <translation>, %1 octets de données</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="102"/>
        <source>MP_JOIN, address id %1%2</source>
        <translation>MP_JOIN, id d&apos;adresse %1%2</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="104"/>
        <source>, backup</source>
        <translation>, secours</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="106"/>
        <source>, token %1</source>
        <translation>, jeton %1</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="110"/>
        <source>ADD_ADDR id %1 %2</source>
        <translation>ADD_ADDR id %1 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="115"/>
        <source> (echo)</source>
        <translation> (écho)</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="121"/>
        <source>REMOVE_ADDR id %1</source>
        <translation>REMOVE_ADDR id %1</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="124"/>
        <source>MP_PRIO: backup</source>
        <translation>MP_PRIO : secours</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="124"/>
        <source>MP_PRIO: regular</source>
        <translation>MP_PRIO : normal</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="126"/>
        <source>MP_FAIL at DSN %1</source>
        <translation>MP_FAIL au DSN %1</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="130"/>
        <source>MP_TCPRST, reason %1%2</source>
        <translation>MP_TCPRST, raison %1%2</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="132"/>
        <source>, transient</source>
        <translation>, transitoire</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="134"/>
        <source>malformed MPTCP option (subtype %1, %2 bytes)</source>
        <translation>option MPTCP malformée (sous-type %1, %2 octets)</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="154"/>
        <source>Close the packet panel</source>
        <translation>Fermer le panneau du paquet</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="160"/>
        <source>Copy Wireshark filter</source>
        <translation>Copier le filtre Wireshark</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="161"/>
        <source>Copies frame.number == N: the same packet in Wireshark</source>
        <translation>Copie frame.number == N : le même paquet dans Wireshark</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="199"/>
        <source>&lt;b&gt;Packet %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Paquet %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="205"/>
        <source>&lt;p&gt;Could not read the packet again: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Impossible de relire le paquet : %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="221"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="221"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="222"/>
        <source>Subflow</source>
        <translation>Sous-flux</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="223"/>
        <source>tcp.stream %1 of mptcp.stream %2</source>
        <translation>tcp.stream %1 de mptcp.stream %2</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="224"/>
        <source>tcp.stream %1 (plain TCP)</source>
        <translation>tcp.stream %1 (TCP simple)</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="225"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="225"/>
        <source>client → server</source>
        <translation>client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="225"/>
        <source>server → client</source>
        <translation>serveur → client</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="230"/>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="230"/>
        <location filename="../app/gui/packet_panel.cpp" line="232"/>
        <source>%1 (raw %2)</source>
        <translation>%1 (brut %2)</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="232"/>
        <source>Ack</source>
        <translation>Ack</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="233"/>
        <source>Len</source>
        <translation>Long.</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="234"/>
        <source>Flags</source>
        <translation>Drapeaux</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="236"/>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="238"/>
        <source> (scale unknown)</source>
        <translation> (échelle inconnue)</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="239"/>
        <source>%1 × %2 = %3</source>
        <translation>%1 × %2 = %3</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="242"/>
        <source>Timestamps</source>
        <translation>Horodatages</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="242"/>
        <source>TSval %1, TSecr %2</source>
        <translation>TSval %1, TSecr %2</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="248"/>
        <source>SACK</source>
        <translation>SACK</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="259"/>
        <source>MPTCP</source>
        <translation>MPTCP</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="259"/>
        <source>no option</source>
        <translation>aucune option</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="264"/>
        <source>DSN range</source>
        <translation>Plage DSN</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="265"/>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="268"/>
        <source>raw, the key is unknown</source>
        <translation>brut, la clé est inconnue</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="268"/>
        <source>relative to the sender&apos;s IDSN</source>
        <translation>relatif à l&apos;IDSN de l&apos;émetteur</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="275"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <location filename="../app/gui/packet_panel.cpp" line="275"/>
        <source>%1, acknowledged by packet %2</source>
        <translation>%1, acquitté par le paquet %2</translation>
    </message>
</context>
<context>
    <name>app::PairTreeModel</name>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="139"/>
        <source>First capture</source>
        <translation>Première capture</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="140"/>
        <source>Match</source>
        <translation>Appariement</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="141"/>
        <source>Second capture</source>
        <translation>Seconde capture</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="182"/>
        <source>MPTCP connections</source>
        <translation>Connexions MPTCP</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="182"/>
        <source>Plain TCP connections</source>
        <translation>Connexions TCP simples</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="188"/>
        <source>%1 matched, %2 in one capture only</source>
        <translation>%1 appariées, %2 dans une seule capture</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="190"/>
        <source>%1 matched · %2 only in %3 · %4 only in %5</source>
        <translation>%1 appariées · %2 seulement dans %3 · %4 seulement dans %5</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="201"/>
        <source>mptcp.stream %1</source>
        <translation>mptcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="201"/>
        <source>tcp.stream %1</source>
        <translation>tcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="207"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="213"/>
        <source>only in %1</source>
        <translation>seulement dans %1</translation>
    </message>
    <message>
        <location filename="../app/gui/pair_tree_model.cpp" line="218"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>app::ReinjectionTableModel</name>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="76"/>
        <source> At the receiver: %1 useful (saved %2 ms), %3 redundant (cost %4 ms), %5 unknown.</source>
        <translation> Au récepteur : %1 utiles (gain de %2 ms), %3 redondantes (coût de %4 ms), %5 inconnues.</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="83"/>
        <source> The other capture is the sender&apos;s: its reinjections have the verdicts.</source>
        <translation> L&apos;autre capture est celle de l&apos;émetteur : ses réinjections portent les verdicts.</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="92"/>
        <source>Client → server</source>
        <translation>Client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="92"/>
        <source>Server → client</source>
        <translation>Serveur → client</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="95"/>
        <source>%1: no reinjection.</source>
        <translation>%1 : aucune réinjection.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/reinjection_table_model.cpp" line="100"/>
        <source>tcp.stream %1 → %2: %n range(s), %3</source>
        <translation>
            <numerusform>tcp.stream %1 → %2 : %n plage, %3</numerusform>
            <numerusform>tcp.stream %1 → %2 : %n plages, %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/reinjection_table_model.cpp" line="104"/>
        <source>%1: %n reinjected range(s), %2 (%3).</source>
        <translation>
            <numerusform>%1 : %n plage réinjectée, %2 (%3).</numerusform>
            <numerusform>%1 : %n plages réinjectées, %2 (%3).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="129"/>
        <source>Dir.</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="130"/>
        <source>DSN</source>
        <translation>DSN</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="131"/>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="132"/>
        <source>Orig.</source>
        <translation>Orig.</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="133"/>
        <source>Orig. packets</source>
        <translation>Paquets orig.</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="134"/>
        <source>Sent (s)</source>
        <translation>Envoi (s)</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="135"/>
        <source>Reinj.</source>
        <translation>Réinj.</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="136"/>
        <source>Reinj. packets</source>
        <translation>Paquets réinj.</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="137"/>
        <source>Reinj. (s)</source>
        <translation>Réinj. (s)</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="138"/>
        <source>After (ms)</source>
        <translation>Après (ms)</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="139"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="140"/>
        <source>Saved (ms)</source>
        <translation>Gain (ms)</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="146"/>
        <source>Direction of the data: C → S client to server, S → C server to client</source>
        <translation>Sens des données : C → S du client au serveur, S → C du serveur au client</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="148"/>
        <source>Data sequence numbers of the range, relative to the sender&apos;s IDSN (first–last byte)</source>
        <translation>Numéros de séquence de données de la plage, relatifs à l&apos;IDSN de l&apos;émetteur (premier–dernier octet)</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="149"/>
        <source>Bytes of the range, each counted once</source>
        <translation>Octets de la plage, chacun compté une fois</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="150"/>
        <source>tcp.stream of the original: the copy its subflow was first seen to send</source>
        <translation>tcp.stream de l&apos;original : la copie que son sous-flux a été vu envoyer en premier</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="151"/>
        <source>Frame numbers of the original and of its TCP retransmissions</source>
        <translation>Numéros de trame de l&apos;original et de ses retransmissions TCP</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="153"/>
        <source>When the original was sent: its first packet, or the later packet of its subflow that showed it had been sent when the capture missed it</source>
        <translation>Quand l&apos;original a été envoyé : son premier paquet, ou le paquet suivant de son sous-flux qui a montré qu&apos;il avait été envoyé quand la capture l&apos;a manqué</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="155"/>
        <source>tcp.stream of each later copy</source>
        <translation>tcp.stream de chaque copie ultérieure</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="156"/>
        <source>Frame numbers of the later copies</source>
        <translation>Numéros de trame des copies ultérieures</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="157"/>
        <source>Time of the first reinjection packet</source>
        <translation>Heure du premier paquet de réinjection</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="158"/>
        <source>Time from the original to its first reinjection, in milliseconds</source>
        <translation>Temps entre l&apos;original et sa première réinjection, en millisecondes</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="160"/>
        <source>With a pair open, from the receiver&apos;s capture: useful when the reinjected copy reached the receiver first (or the original never did), redundant when the original did, unknown when neither did or a subflow has no counterpart</source>
        <translation>Avec une paire ouverte, d&apos;après la capture du récepteur : utile quand la copie réinjectée a atteint le récepteur en premier (ou que l&apos;original ne l&apos;a jamais atteint), redondant quand l&apos;original l&apos;a atteint en premier, inconnu quand aucun des deux ne l&apos;a atteint ou qu&apos;un sous-flux n&apos;a pas d&apos;homologue</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="164"/>
        <source>Original&apos;s arrival − reinjected copy&apos;s arrival at the receiver, in milliseconds: positive saved, negative cost</source>
        <translation>Arrivée de l&apos;original − arrivée de la copie réinjectée au récepteur, en millisecondes : positif, un gain ; négatif, un coût</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="183"/>
        <source>%1 … %2 (%3 packets)</source>
        <translation>%1 … %2 (%3 paquets)</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="198"/>
        <source>packet %1, tcp.stream %2, %3 s</source>
        <translation>paquet %1, tcp.stream %2, %3 s</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="203"/>
        <source> (TCP retransmission)</source>
        <translation> (retransmission TCP)</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="247"/>
        <source>client → server</source>
        <translation>client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="247"/>
        <source>server → client</source>
        <translation>serveur → client</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="248"/>
        <source>absolute %1–%2</source>
        <translation>absolu %1–%2</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="251"/>
        <source>The capture missed the original&apos;s first transmission: packet %1 of the same subflow came after it</source>
        <translation>La capture a manqué la première transmission de l&apos;original : le paquet %1 du même sous-flux est venu après</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="254"/>
        <source>The original&apos;s first packet, %1</source>
        <translation>Le premier paquet de l&apos;original, %1</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="263"/>
        <source>C → S</source>
        <translation>C → S</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="263"/>
        <source>S → C</source>
        <translation>S → C</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="276"/>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="307"/>
        <source>%1 ms after the original was sent</source>
        <translation>%1 ms après l&apos;envoi de l&apos;original</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="308"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="310"/>
        <source>Reached the receiver: the original %1, the reinjected copy %2</source>
        <translation>Arrivée au récepteur : l&apos;original %1, la copie réinjectée %2</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="317"/>
        <source>useful</source>
        <translation>utile</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="318"/>
        <source>redundant</source>
        <translation>redondant</translation>
    </message>
    <message>
        <location filename="../app/gui/reinjection_table_model.cpp" line="319"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>app::SubflowTableModel</name>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="64"/>
        <source>Source → destination</source>
        <translation>Source → destination</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="66"/>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="69"/>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="73"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="177"/>
        <source>client → server</source>
        <translation>client → serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="177"/>
        <source>server → client</source>
        <translation>serveur → client</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="62"/>
        <source>Stream</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="63"/>
        <source>Dir.</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="65"/>
        <source>Pkts</source>
        <translation>Paq.</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="67"/>
        <source>Retr.</source>
        <translation>Retr.</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="68"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="70"/>
        <source>Start (s)</source>
        <translation>Début (s)</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="71"/>
        <source>End (s)</source>
        <translation>Fin (s)</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="72"/>
        <source>RTT (ms)</source>
        <translation>RTT (ms)</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="79"/>
        <source>tcp.stream: Wireshark&apos;s number of the TCP connection</source>
        <translation>tcp.stream : le numéro Wireshark de la connexion TCP</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="80"/>
        <source>Direction of the data: C → S client to server, S → C server to client</source>
        <translation>Sens des données : C → S du client au serveur, S → C du serveur au client</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="81"/>
        <source>Sender and receiver of these packets</source>
        <translation>Émetteur et récepteur de ces paquets</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="82"/>
        <source>Packets sent in this direction</source>
        <translation>Paquets envoyés dans ce sens</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="83"/>
        <source>TCP payload bytes, retransmissions included</source>
        <translation>Octets de charge utile TCP, retransmissions comprises</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="84"/>
        <source>Retransmitted TCP payload bytes</source>
        <translation>Octets de charge utile TCP retransmis</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="85"/>
        <source>Bytes of the connection&apos;s data this subflow carried first</source>
        <translation>Octets des données de la connexion que ce sous-flux a portés en premier</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="86"/>
        <source>This subflow&apos;s share of the data of its direction</source>
        <translation>Part de ce sous-flux dans les données de son sens</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="87"/>
        <source>First packet, in seconds since the start of the capture</source>
        <translation>Premier paquet, en secondes depuis le début de la capture</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="88"/>
        <source>Last packet, in seconds since the start of the capture</source>
        <translation>Dernier paquet, en secondes depuis le début de la capture</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="90"/>
        <source>Round-trip times of this direction&apos;s data as its sender sees them, in milliseconds: min / median / 95th percentile / max. Each segment is timed to its first ACK or SACK; a retransmitted one only when TCP timestamps tell which copy was acknowledged. The cell&apos;s tooltip adds the sample count and the handshake&apos;s round-trip time.</source>
        <translation>Temps d&apos;aller-retour des données de ce sens vus par leur émetteur, en millisecondes : min / médiane / 95e centile / max. Chaque segment est mesuré jusqu&apos;à son premier ACK ou SACK ; un segment retransmis seulement quand les horodatages TCP disent quelle copie a été acquittée. L&apos;info-bulle de la cellule ajoute le nombre d&apos;échantillons et le temps d&apos;aller-retour de la poignée de main.</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="94"/>
        <source>How the subflow joined the connection</source>
        <translation>Comment le sous-flux a rejoint la connexion</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="125"/>
        <source>C → S</source>
        <translation>C → S</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="125"/>
        <source>S → C</source>
        <translation>S → C</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="159"/>
        <source>MPTCP fallback</source>
        <translation>repli MPTCP</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="159"/>
        <source>plain TCP</source>
        <translation>TCP simple</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="162"/>
        <source>initial</source>
        <translation>initial</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="163"/>
        <source>join</source>
        <translation>jonction</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="164"/>
        <source>no handshake</source>
        <translation>sans négociation</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="166"/>
        <source>, backup</source>
        <translation>, secours</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="183"/>
        <source>Handshake (SYN → SYN/ACK → ACK): %1</source>
        <translation>Poignée de main (SYN → SYN/ACK → ACK) : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="184"/>
        <source>Handshake: not in the capture</source>
        <translation>Poignée de main : absente de la capture</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="186"/>
        <source>No round-trip time sample in this direction.
%1</source>
        <translation>Aucun échantillon de temps d&apos;aller-retour dans ce sens.
%1</translation>
    </message>
    <message>
        <location filename="../app/gui/subflow_table_model.cpp" line="187"/>
        <source>min / median / p95 / max: %1
%2 samples
%3</source>
        <translation>min / médiane / p95 / max : %1
%2 échantillons
%3</translation>
    </message>
</context>
<context>
    <name>app::WarningListModel</name>
    <message>
        <location filename="../app/gui/warning_list_model.cpp" line="31"/>
        <source>Packet</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <location filename="../app/gui/warning_list_model.cpp" line="31"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../app/gui/warning_list_model.cpp" line="33"/>
        <source>Packet number as Wireshark shows it (frame.number); empty for a problem of the whole file</source>
        <translation>Numéro de paquet tel que Wireshark l&apos;affiche (frame.number) ; vide pour un problème du fichier entier</translation>
    </message>
</context>
<context>
    <name>app::WarningsDialog</name>
    <message>
        <location filename="../app/gui/warnings_dialog.cpp" line="56"/>
        <location filename="../app/gui/warnings_dialog.cpp" line="68"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../app/gui/warnings_dialog.cpp" line="60"/>
        <location filename="../app/gui/warnings_dialog.cpp" line="70"/>
        <source>Copy &amp;All</source>
        <translation>Copier &amp;tout</translation>
    </message>
    <message>
        <location filename="../app/gui/warnings_dialog.cpp" line="69"/>
        <source>Copy the selected rows as tab-separated text (Ctrl+C)</source>
        <translation>Copier les lignes sélectionnées en texte séparé par des tabulations (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../app/gui/warnings_dialog.cpp" line="71"/>
        <source>Copy every row as tab-separated text</source>
        <translation>Copier toutes les lignes en texte séparé par des tabulations</translation>
    </message>
    <message>
        <location filename="../app/gui/warnings_dialog.cpp" line="94"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location filename="../app/gui/warnings_dialog.cpp" line="99"/>
        <source>Warnings — %1</source>
        <translation>Avertissements — %1</translation>
    </message>
    <message>
        <location filename="../app/gui/warnings_dialog.cpp" line="101"/>
        <source>Loading %1 raised no warnings.</source>
        <translation>Le chargement de %1 n&apos;a donné aucun avertissement.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/warnings_dialog.cpp" line="102"/>
        <source>%n warning(s) while loading %1.</source>
        <translation>
            <numerusform>%n avertissement lors du chargement de %1.</numerusform>
            <numerusform>%n avertissements lors du chargement de %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/warnings_dialog.cpp" line="104"/>
        <source>The first %1 packets of each kind are listed; %2 more are not.</source>
        <translation>Les %1 premiers paquets de chaque sorte sont listés ; %2 autres ne le sont pas.</translation>
    </message>
    <message>
        <location filename="../app/gui/warnings_dialog.cpp" line="108"/>
        <source>Packet numbers are Wireshark&apos;s: Go ▸ Go to Packet (Ctrl+G) finds them.</source>
        <translation>Les numéros de paquet sont ceux de Wireshark : Aller ▸ Aller au paquet (Ctrl+G) les trouve.</translation>
    </message>
</context>
<context>
    <name>app::charts</name>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="40"/>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="42"/>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="44"/>
        <source>kB</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="45"/>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="51"/>
        <source>Gbit/s</source>
        <translation>Gbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="53"/>
        <source>Mbit/s</source>
        <translation>Mbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="55"/>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="56"/>
        <source>bit/s</source>
        <translation>bit/s</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="61"/>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="24"/>
        <source>client → server</source>
        <translation>client → serveur</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="61"/>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="24"/>
        <source>server → client</source>
        <translation>serveur → client</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="120"/>
        <location filename="../app/common/charts/chart_builder.cpp" line="305"/>
        <source>Time since the first packet (s)</source>
        <translation>Temps depuis le premier paquet (s)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="211"/>
        <source>Data sequence number − IDSN (%1)</source>
        <translation>Numéro de séquence de données − IDSN (%1)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="235"/>
        <source>reinjected: useful</source>
        <translation>réinjecté : utile</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="235"/>
        <source>reinjected: redundant</source>
        <translation>réinjecté : redondant</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="236"/>
        <source>reinjected: unknown</source>
        <translation>réinjecté : inconnu</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="289"/>
        <source>%1 % — %2</source>
        <translation>%1 % — %2</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="320"/>
        <source>Share per %1 s (%)</source>
        <translation>Part par %1 s (%)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="329"/>
        <source>Round-trip time (ms)</source>
        <translation>Temps d&apos;aller-retour (ms)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="352"/>
        <source>Bytes (%1)</source>
        <translation>Octets (%1)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="353"/>
        <source>Bytes (%1; window scale not captured: windows as sent)</source>
        <translation>Octets (%1 ; facteur d&apos;échelle de fenêtre non capturé : fenêtres telles qu&apos;envoyées)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="377"/>
        <source>sequence number</source>
        <translation>numéro de séquence</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="382"/>
        <source>acknowledgement</source>
        <translation>acquittement</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="386"/>
        <source>receive window (right axis)</source>
        <translation>fenêtre de réception (axe de droite)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="386"/>
        <source>receive window</source>
        <translation>fenêtre de réception</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="388"/>
        <source>bytes in flight (right axis)</source>
        <translation>octets en vol (axe de droite)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="388"/>
        <source>bytes in flight</source>
        <translation>octets en vol</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="399"/>
        <source>Bytes waiting for earlier data (%1)</source>
        <translation>Octets en attente de données antérieures (%1)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="400"/>
        <source>Bytes waiting for earlier data (%1; from the lowest DSN seen)</source>
        <translation>Octets en attente de données antérieures (%1 ; à partir du plus petit DSN vu)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="406"/>
        <source>queue max %1, p95 %2 (time-weighted)</source>
        <translation>file max %1, p95 %2 (pondération temporelle)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="407"/>
        <source>wait max %1, p95 %2 (byte-weighted)</source>
        <translation>attente max %1, p95 %2 (pondération par octet)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="419"/>
        <source>bytes waiting</source>
        <translation>octets en attente</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="425"/>
        <source>%1 never deliverable (a hole never filled)</source>
        <translation>%1 jamais livrables (un trou jamais comblé)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="467"/>
        <source>Out-of-order queue</source>
        <translation>File hors séquence</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="468"/>
        <source>One-way delay</source>
        <translation>Délai unidirectionnel</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="509"/>
        <source>the out-of-order queue is of an MPTCP connection&apos;s data: name it by its mptcp.stream</source>
        <translation>la file hors séquence porte sur les données d&apos;une connexion MPTCP : désignez-la par son mptcp.stream</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="511"/>
        <source>TCP attributes are drawn for one TCP connection: name a subflow by its tcp.stream</source>
        <translation>Les attributs TCP se tracent pour une connexion TCP : désignez un sous-flux par son tcp.stream</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="513"/>
        <source>one-way delays need two captures of the connection (a pair)</source>
        <translation>les délais unidirectionnels nécessitent deux captures de la connexion (une paire)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="515"/>
        <source>no TCP attribute to draw</source>
        <translation>aucun attribut TCP à tracer</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="210"/>
        <location filename="../app/common/charts/chart_builder.cpp" line="355"/>
        <source>Relative sequence number (%1)</source>
        <translation>Numéro de séquence relatif (%1)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="212"/>
        <source>Data sequence number − lowest seen (%1)</source>
        <translation>Numéro de séquence de données − plus petit vu (%1)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="224"/>
        <source>data acks</source>
        <translation>acquittements de données</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="236"/>
        <location filename="../app/common/charts/chart_builder.cpp" line="249"/>
        <source>reinjected</source>
        <translation>réinjecté</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="249"/>
        <source>retransmitted</source>
        <translation>retransmis</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="259"/>
        <source>Goodput over %1 s (%2)</source>
        <translation>Débit utile sur %1 s (%2)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="271"/>
        <source>all subflows</source>
        <translation>tous les sous-flux</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="462"/>
        <source>Data sequence numbers</source>
        <translation>Numéros de séquence de données</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="462"/>
        <source>Sequence numbers</source>
        <translation>Numéros de séquence</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="463"/>
        <source>Goodput</source>
        <translation>Débit utile</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="464"/>
        <source>Subflow share of the data</source>
        <translation>Part des données par sous-flux</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="465"/>
        <source>Round-trip time</source>
        <translation>Temps d&apos;aller-retour</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="466"/>
        <source>TCP attributes</source>
        <translation>Attributs TCP</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="471"/>
        <source>%1 — %2 %3, %4</source>
        <translation>%1 — %2 %3, %4</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="503"/>
        <source>no MPTCP connection with mptcp.stream %1</source>
        <translation>aucune connexion MPTCP avec mptcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="505"/>
        <source>no TCP connection with tcp.stream %1</source>
        <translation>aucune connexion TCP avec tcp.stream %1</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_builder.cpp" line="507"/>
        <source>a plain TCP connection has no subflow share</source>
        <translation>une connexion TCP simple n&apos;a pas de part des sous-flux</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_exporter.cpp" line="21"/>
        <source>%1: the file name must end in .png or .svg</source>
        <translation>%1 : le nom du fichier doit se terminer par .png ou .svg</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_exporter.cpp" line="26"/>
        <source>%1: size %2×%3 is out of range</source>
        <translation>%1 : la taille %2×%3 est hors limites</translation>
    </message>
    <message>
        <location filename="../app/common/charts/chart_exporter.cpp" line="80"/>
        <source>%1: could not write the file</source>
        <translation>%1 : impossible d&apos;écrire le fichier</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="45"/>
        <source>%1 − %2</source>
        <translation>%1 − %2</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="48"/>
        <source>clock offset not estimated (no packet matched one way): captured times as they are</source>
        <translation>décalage d&apos;horloge non estimé (aucun paquet apparié dans un sens) : temps capturés tels quels</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="49"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="51"/>
        <source>clock offset (%1) estimated %2, applied</source>
        <translation>décalage d&apos;horloge (%1) estimé à %2, appliqué</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="52"/>
        <source>clock offset (%1) estimated %2, not applied (no negative delay)</source>
        <translation>décalage d&apos;horloge (%1) estimé à %2, non appliqué (aucun délai négatif)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="68"/>
        <source>lost</source>
        <translation>perdu</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="71"/>
        <source>tcp.stream %1 ↔ %2, %3</source>
        <translation>tcp.stream %1 ↔ %2, %3</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="113"/>
        <source>no matched subflow: no one-way delay to draw</source>
        <translation>aucun sous-flux apparié : aucun délai unidirectionnel à tracer</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="120"/>
        <source>One-way delay — %1 %2&lt;br&gt;&lt;small&gt;%3&lt;/small&gt;</source>
        <translation>Délai unidirectionnel — %1 %2&lt;br&gt;&lt;small&gt;%3&lt;/small&gt;</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="127"/>
        <source>Time the packet was sent, since the first packet of %1 (s)</source>
        <translation>Instant d&apos;envoi du paquet, depuis le premier paquet de %1 (s)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="128"/>
        <source>One-way delay (ms)</source>
        <translation>Délai unidirectionnel (ms)</translation>
    </message>
    <message>
        <location filename="../app/common/charts/one_way_delay_chart.cpp" line="141"/>
        <source>lost (never captured by the receiver)</source>
        <translation>perdu (jamais capturé par le récepteur)</translation>
    </message>
</context>
<context>
    <name>app::text</name>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="32"/>
        <source>B</source>
        <translation>o</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="32"/>
        <source>kB</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="33"/>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="33"/>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="34"/>
        <source>TB</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="41"/>
        <source>bit/s</source>
        <translation>bit/s</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="41"/>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="42"/>
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
        <location filename="../app/common/text/formatting.cpp" line="66"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../app/common/text/formatting.cpp" line="52"/>
        <source>s</source>
        <translation>s</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="33"/>
        <source>Multipath TCP capture analyser</source>
        <translation>Analyseur de captures Multipath TCP</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="36"/>
        <source>Log debug output.</source>
        <translation>Journaliser les messages de débogage.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="39"/>
        <source>A .pcap or .pcapng file to open; two files open as a pair (both ends of one experiment).</source>
        <translation>Un fichier .pcap ou .pcapng à ouvrir ; deux fichiers s&apos;ouvrent en paire (les deux extrémités d&apos;une même expérience).</translation>
    </message>
</context>
</TS>
