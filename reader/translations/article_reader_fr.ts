<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AllAnnotationsDialog</name>
    <message>
        <location filename="../ui/annotations/all_annotations.py" line="+42"/>
        <source>All Highlights and Notes</source>
        <translation>Tous les surlignages et notes</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Search highlights and notes</source>
        <translation>Rechercher dans les surlignages et les notes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Highlights and notes of the library</source>
        <translation>Surlignages et notes de la bibliothèque</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No longer in the library: {0}</source>
        <translation>Plus dans la bibliothèque&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown article</source>
        <translation>Article inconnu</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not be placed in the article&apos;s current text</source>
        <translation>Impossible à placer dans le texte actuel de l’article</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n of 1 highlight</source>
        <translation>
            <numerusform>%n surlignage sur 1</numerusform>
            <numerusform>%n surlignages sur 1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of {0} highlights</source>
        <translation>
            <numerusform>%n surlignage sur {0}</numerusform>
            <numerusform>%n surlignages sur {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 highlight or note</source>
        <translation>1 surlignage ou note</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n highlights and notes</source>
        <translation>
            <numerusform>%n surlignage ou note</numerusform>
            <numerusform>%n surlignages et notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../ui/annotations/controller.py" line="+130"/>
        <source>&amp;Highlight Selection</source>
        <translation>Sur&amp;ligner la sélection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highlight &amp;with Note</source>
        <translation>Surligner avec une &amp;note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Highlights cannot be changed: {0}.</source>
        <translation>Impossible de modifier les surlignages&#xa0;: {0}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Highlight</source>
        <comment>undo step</comment>
        <translation>le surlignage</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Change Colour</source>
        <comment>undo step</comment>
        <translation>le changement de couleur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit Note</source>
        <comment>undo step</comment>
        <translation>la modification de la note</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete Highlight</source>
        <comment>undo step</comment>
        <translation>la suppression du surlignage</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select the passage in the article first, then re-attach.</source>
        <translation>Sélectionnez d’abord le passage dans l’article, puis rattachez le surlignage.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Re-attach</source>
        <comment>undo step</comment>
        <translation>le rattachement</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Your last change was not saved: {0}. Nothing saved before is lost.</source>
        <translation>Votre dernière modification n’a pas été enregistrée&#xa0;: {0}. Rien de ce qui était déjà enregistré n’est perdu.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Edit Note…</source>
        <translation>Modifier la note…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Note…</source>
        <translation>Ajouter une note…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete Highlight</source>
        <translation>Supprimer le surlignage</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This Highlight</source>
        <translation>Ce surlignage</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../ui/annotations/panel.py" line="+61"/>
        <source>“{0}”</source>
        <translation>«&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Highlights and Notes</source>
        <translation>Surlignages et notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highlights and notes</source>
        <translation>Surlignages et notes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show highlights of colour</source>
        <translation>Afficher les surlignages de couleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All colours</source>
        <translation>Toutes les couleurs</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Filter highlights</source>
        <translation>Filtrer les surlignages</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Highlights in reading order</source>
        <translation>Surlignages dans l’ordre de lecture</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note of the selected highlight</source>
        <translation>Note du surlignage sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a highlight, then write a note here</source>
        <translation>Sélectionnez un surlignage, puis écrivez une note ici</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This note is full: a note holds at most {0} characters.</source>
        <translation>Cette note est pleine&#xa0;: une note compte au plus {0} caractères.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Delete Highlight</source>
        <translation>&amp;Supprimer le surlignage</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Highlights that could not be placed</source>
        <translation>Surlignages impossibles à placer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Re-attach to Selection</source>
        <translation>&amp;Rattacher à la sélection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the passage in the article first</source>
        <translation>Sélectionnez d’abord le passage dans l’article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the highlight that was not placed</source>
        <translation>Supprimer le surlignage non placé</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&lt;b&gt;Could not be placed&lt;/b&gt; ({0}): the article&apos;s text changed. Select the passage and re-attach, or delete.</source>
        <translation>&lt;b&gt;Impossibles à placer&lt;/b&gt; ({0})&#xa0;: le texte de l’article a changé. Sélectionnez le passage et rattachez, ou supprimez.</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <location filename="../ui/library_list/article_list.py" line="+59"/>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Click to sort by title, again for Z to A, a third time for newest first. Right-click for every order.</source>
        <translation>Cliquez pour trier par titre, une deuxième fois de Z à A, une troisième fois pour revenir aux plus récents. Clic droit pour tous les ordres.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Newest first</source>
        <translation>Plus récents d’abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest first</source>
        <translation>Plus anciens d’abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title, A to Z</source>
        <translation>Titre, de A à Z</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title, Z to A</source>
        <translation>Titre, de Z à A</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Sort by</source>
        <translation>Trier par</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../ui/library_list/article_model.py" line="+37"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>empty file</source>
        <translation>fichier vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>binary file, not text</source>
        <translation>fichier binaire, pas du texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the file: permission denied</source>
        <translation>impossible de lire le fichier&#xa0;: permission refusée</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>starred</source>
        <translation>favori</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not starred</source>
        <translation>pas favori</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unread</source>
        <translation>non lu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot be read: {0}</source>
        <translation>Illisible&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>ArticleLoading</name>
    <message>
        <location filename="../ui/session/article_loading.py" line="+53"/>
        <location filename="../ui/window/article_window.py" line="+107"/>
        <source>Showing the first {0} characters of {1}: this article is too long to show whole.</source>
        <translation>Affichage des {0} premiers caractères sur {1}&#xa0;: cet article est trop long pour être affiché en entier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/window/article_window.py" line="+4"/>
        <source>Shown as plain text: this article is too complex to render.</source>
        <translation>Affiché en texte brut&#xa0;: cet article est trop complexe pour être mis en forme.</translation>
    </message>
</context>
<context>
    <name>ArticleWindow</name>
    <message>
        <location filename="../ui/window/article_window.py" line="-47"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+67"/>
        <source>{0} — Article Reader</source>
        <translation>{0} — Article Reader</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Opening the article…</source>
        <translation>Ouverture de l’article…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Read on its own: highlights are not kept here. It is in your library “{0}”.</source>
        <translation>Lu à part&#xa0;: les surlignages ne sont pas gardés ici. Il est dans votre bibliothèque «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in &amp;Library</source>
        <translation>Ouvrir dans la &amp;bibliothèque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read on its own: highlights are not kept here. It is in none of your libraries.</source>
        <translation>Lu à part&#xa0;: les surlignages ne sont pas gardés ici. Il n’est dans aucune de vos bibliothèques.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Its &amp;Folder as a Library</source>
        <translation>Ouvrir son &amp;dossier comme bibliothèque</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This article was removed</source>
        <translation>Cet article a été supprimé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Its file is no longer there.</source>
        <translation>Son fichier n’est plus là.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This article cannot be shown</source>
        <translation>Impossible d’afficher cet article</translation>
    </message>
</context>
<context>
    <name>CaretMode</name>
    <message>
        <location filename="../ui/reading/caret_mode.py" line="+57"/>
        <source>&amp;Caret Mode (Select with Keys)</source>
        <translation>Mode &amp;curseur (sélection au clavier)</translation>
    </message>
</context>
<context>
    <name>CitationCopier</name>
    <message>
        <location filename="../ui/annotations/citation.py" line="+48"/>
        <source>Copy with &amp;Citation</source>
        <translation>Copier avec la ré&amp;férence</translation>
    </message>
</context>
<context>
    <name>Colors</name>
    <message>
        <location filename="../ui/annotations/highlight_layer.py" line="+33"/>
        <source>Yellow</source>
        <translation>Jaune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pink</source>
        <translation>Rose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>Violet</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../cli/annotations.py" line="+49"/>
        <source>cannot write {0}: {1}</source>
        <translation>impossible d’écrire {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported 1 highlight salvaged from the damaged catalog to {1}</source>
        <translation>1 surlignage récupéré du catalogue endommagé exporté dans {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported {0} highlights salvaged from the damaged catalog to {1}</source>
        <translation>{0} surlignages récupérés du catalogue endommagé exportés dans {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported 1 highlight to {1}</source>
        <translation>1 surlignage exporté dans {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported {0} highlights to {1}</source>
        <translation>{0} surlignages exportés dans {1}</translation>
    </message>
    <message>
        <location filename="../cli/articles.py" line="+48"/>
        <source>its library (default: the nearest folder above it that is one, or its own)</source>
        <translation>sa bibliothèque (par défaut&#xa0;: le plus proche dossier parent qui en est une, sinon le sien)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the article&apos;s file</source>
        <translation>le fichier de l’article</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../cli/parser.py" line="+63"/>
        <location line="+4"/>
        <location filename="../cli/triage.py" line="+43"/>
        <source>FOLDER</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>print an article as the reading pane shows it</source>
        <translation>affiche un article comme le volet de lecture le montre</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <location filename="../cli/parser.py" line="+59"/>
        <location filename="../cli/triage.py" line="-4"/>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>reading text (default; what highlights anchor on), Markdown, or sanitized HTML</source>
        <translation>texte de lecture (par défaut&#xa0;; celui où s’ancrent les surlignages), Markdown ou HTML assaini</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the articles most related to one</source>
        <translation>les articles les plus proches d’un article</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>at most N (default {0})</source>
        <translation>au plus N (par défaut&#xa0;: {0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>print a JSON object</source>
        <translation>affiche un objet JSON</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+32"/>
        <source>not a file: {0}</source>
        <translation>pas un fichier&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>{0} is not inside the library {1}</source>
        <translation>{0} n’est pas dans la bibliothèque {1}</translation>
    </message>
    <message>
        <location line="+46"/>
        <location filename="../cli/commands.py" line="+176"/>
        <location filename="../cli/triage.py" line="+39"/>
        <source>{0} is not an article of the library {1}</source>
        <translation>{0} n’est pas un article de la bibliothèque {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} is gone</source>
        <translation>{0} a disparu</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no related article in this library</source>
        <translation>aucun article lié dans cette bibliothèque</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>also in your library as:</source>
        <translation>aussi dans votre bibliothèque sous&#xa0;:</translation>
    </message>
    <message>
        <location filename="../cli/commands.py" line="-86"/>
        <source>--limit must be at least 1</source>
        <translation>--limit doit valoir au moins 1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--salvage exports a whole library</source>
        <translation>--salvage exporte toute une bibliothèque</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>the search index was damaged; rebuilding it</source>
        <translation>l’index de recherche était endommagé&#xa0;; reconstruction en cours</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>bad query: {0}</source>
        <translation>requête invalide&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>✎ in your highlights: {0}</source>
        <translation>✎ dans vos surlignages&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>left out of the query: {0}</source>
        <translation>non pris en compte dans la requête&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the search stopped at its time limit: more may match</source>
        <translation>la recherche s’est arrêtée à sa limite de temps&#xa0;: d’autres articles peuvent correspondre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>did you mean: {0}</source>
        <translation>vouliez-vous dire&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no hits</source>
        <translation>aucun résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of about {1} hits</source>
        <translation>{0} résultats sur environ {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of {1} hits</source>
        <translation>{0} résultats sur {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 hit</source>
        <translation>1 résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} hits</source>
        <translation>{0} résultats</translation>
    </message>
    <message>
        <location filename="../cli/parser.py" line="-95"/>
        <source>Headless commands: the same core as the window, no display needed.</source>
        <translation>Commandes sans fenêtre&#xa0;: le même cœur que la fenêtre, sans écran.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the library folder (or --library)</source>
        <translation>le dossier de la bibliothèque (ou --library)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the library folder (default: the bundled sample library)</source>
        <translation>le dossier de la bibliothèque (par défaut&#xa0;: la bibliothèque d’exemple fournie)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../cli/review.py" line="+45"/>
        <source>print a JSON array</source>
        <translation>affiche un tableau JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list the articles of a library</source>
        <translation>liste les articles d’une bibliothèque</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>newest first (default; the queue&apos;s own order for --state later), by title, or by source</source>
        <translation>les plus récents d’abord (par défaut&#xa0;; l’ordre de la file pour --state later), par titre ou par source</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>only the articles in the inbox, the queue or the archive</source>
        <translation>seulement les articles à trier, ceux de la file (plus tard) ou des archives</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the other way round (oldest first, Z to A)</source>
        <translation>dans l’autre sens (les plus anciens d’abord, de Z à A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>search a library</source>
        <translation>cherche dans une bibliothèque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QUERY</source>
        <translation>REQUÊTE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>words, &quot;phrases&quot;, prefix*, OR/NOT, fields, dates</source>
        <translation>mots, « phrases », préfixe*, OR/NOT, champs, dates</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at most N hits (default 20)</source>
        <translation>au plus N résultats (20 par défaut)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>best first (default) or newest first</source>
        <translation>les meilleurs d’abord (par défaut) ou les plus récents d’abord</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>bring the catalog and search index up to date</source>
        <translation>met à jour le catalogue et l’index de recherche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rebuild the index from scratch</source>
        <translation>reconstruit l’index de zéro</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>export the highlights and notes</source>
        <translation>exporte les surlignages et les notes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a library folder (all its highlights) or one article&apos;s file (its own)</source>
        <translation>le dossier d’une bibliothèque (tous ses surlignages) ou le fichier d’un article (les siens)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Markdown to read (default), or W3C Web Annotation JSON-LD to import elsewhere</source>
        <translation>Markdown à lire (par défaut), ou JSON-LD W3C Web Annotation à importer ailleurs</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+14"/>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>the file (default, or -: standard output)</source>
        <translation>le fichier (par défaut, ou -&#xa0;: la sortie standard)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>read what can be read of the highlights of a damaged catalog</source>
        <translation>lit ce qui peut l’être des surlignages d’un catalogue endommagé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>import W3C Web Annotation JSON(-LD)</source>
        <translation>importe du JSON(-LD) W3C Web Annotation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the Web Annotation JSON(-LD) file</source>
        <translation>le fichier JSON(-LD) Web Annotation</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>give the library once: as FOLDER or with --library, not both</source>
        <translation>donnez la bibliothèque une seule fois&#xa0;: en DOSSIER ou avec --library, pas les deux</translation>
    </message>
    <message>
        <location filename="../entry.py" line="+25"/>
        <source>list a library&apos;s articles, newest first (--sort, --json)</source>
        <translation>liste les articles d’une bibliothèque, les plus récents d’abord (--sort, --json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>search a library: words, &quot;phrases&quot;, prefix*, OR/NOT, fields, dates</source>
        <translation>cherche dans une bibliothèque&#xa0;: mots, « phrases », préfixe*, OR/NOT, champs, dates</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bring a library&apos;s catalog and search index up to date (--rebuild)</source>
        <translation>met à jour le catalogue et l’index de recherche d’une bibliothèque (--rebuild)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export a library&apos;s or an article&apos;s highlights as Markdown or JSON-LD</source>
        <translation>exporte les surlignages d’une bibliothèque ou d’un article en Markdown ou JSON-LD</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>import highlights and notes from W3C Web Annotation JSON(-LD)</source>
        <translation>importe surlignages et notes depuis du JSON(-LD) W3C Web Annotation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>print an article as the pane shows it (--format text|markdown|html)</source>
        <translation>affiche un article comme le volet le montre (--format text|markdown|html)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the articles most related to one, duplicates apart (--limit N, --json)</source>
        <translation>les articles les plus proches d’un article, doublons à part (--limit N, --json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>add articles to the end of the reading queue (--top)</source>
        <translation>ajoute des articles à la fin de la file de lecture (--top)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>archive articles: done with them</source>
        <translation>archive des articles&#xa0;: vous en avez fini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the day&apos;s highlights to review (--json, --today), or --answer ID keep</source>
        <translation>les surlignages du jour à revoir (--json, --today), ou --answer ID keep</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>add the app to the desktop&apos;s menu, or remove it (install|uninstall)</source>
        <translation>ajoute l’application au menu du bureau, ou l’en retire (install|uninstall)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>usage: {0} [FOLDER | ARTICLE]</source>
        <translation>utilisation&#xa0;: {0} [DOSSIER | ARTICLE]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>       {0} COMMAND [OPTIONS]   (&apos;{0} COMMAND --help&apos; for its options)</source>
        <translation>              {0} COMMANDE [OPTIONS]   (« {0} COMMANDE --help » pour ses options)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read a folder of articles, offline. With no argument the window opens the library
used last (the bundled sample library the first time); with a folder, that folder;
with an article file, that article: in your library that holds it, else in a
reading window of its own (your library stays as it was). While the window is open,
another launch hands what it was given to it.</source>
        <translation>Lire un dossier d’articles, hors ligne. Sans argument, la fenêtre ouvre la dernière
bibliothèque utilisée (la bibliothèque d’exemple la première fois)&#xa0;; avec un dossier,
ce dossier&#xa0;; avec le fichier d’un article, cet article&#xa0;: dans votre bibliothèque qui
le contient, sinon dans une fenêtre de lecture à lui (votre bibliothèque reste telle
quelle). Tant que la fenêtre est ouverte, un nouveau lancement lui transmet ce qu’il a reçu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>commands (no display needed):</source>
        <translation>commandes (sans écran)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>options:</source>
        <translation>options&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  -h, --help     show this message and exit</source>
        <translation>  -h, --help     affiche ce message et quitte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  --version      print the version and exit</source>
        <translation>  --version      affiche la version et quitte</translation>
    </message>
    <message>
        <location filename="../cli/listing.py" line="+68"/>
        <location line="+118"/>
        <source>later</source>
        <translation>plus tard</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+118"/>
        <source>archived</source>
        <translation>archivé</translation>
    </message>
    <message>
        <location filename="../cli/review.py" line="-4"/>
        <source>the day&apos;s highlights to review, or answer one</source>
        <translation>les surlignages du jour à revoir, ou répondre pour l’un d’eux</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the day to review (default: today, local time)</source>
        <translation>le jour à revoir (par défaut&#xa0;: aujourd’hui, heure locale)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>highlights a day (default {0})</source>
        <translation>surlignages par jour ({0} par défaut)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TAG</source>
        <translation>ÉTIQUETTE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only highlights with this tag (or of articles with it)</source>
        <translation>seulement les surlignages portant cette étiquette (ou ceux des articles qui la portent)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only highlights of this colour</source>
        <translation>seulement les surlignages de cette couleur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>answer a highlight: keep, sooner, mastered or skip</source>
        <translation>répondre pour un surlignage&#xa0;: keep (garder), sooner (plus tôt), mastered (acquis) ou skip (passer)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bring a mastered highlight back, due that day</source>
        <translation>ramener un surlignage acquis dans la revue, à revoir ce jour-là</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not a date (YYYY-MM-DD): {0}</source>
        <translation>pas une date (AAAA-MM-JJ)&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>nothing to review today</source>
        <translation>rien à revoir aujourd’hui</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} left today, {1} done</source>
        <translation>{0} à revoir aujourd’hui, {1} fait(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} days in a row</source>
        <translation>{0} jours de suite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 day in a row</source>
        <translation>1 jour de suite</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not an answer: {0} (keep, sooner, mastered or skip)</source>
        <translation>pas une réponse&#xa0;: {0} (keep, sooner, mastered ou skip)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>mastered: it will not come back</source>
        <translation>acquis&#xa0;: il ne reviendra plus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped for today</source>
        <translation>passé pour aujourd’hui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>back on {0}</source>
        <translation>de retour le {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} is not mastered</source>
        <translation>{0} n’est pas acquis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back in the review on {0}</source>
        <translation>de retour dans la revue le {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} is the start of several highlights</source>
        <translation>{0} est le début de plusieurs surlignages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no highlight {0} in this library</source>
        <translation>aucun surlignage {0} dans cette bibliothèque</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>kept</source>
        <translation>gardé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sooner</source>
        <translation>plus tôt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mastered</source>
        <translation>acquis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>passé</translation>
    </message>
    <message>
        <location filename="../cli/triage.py" line="-46"/>
        <source>add articles to the reading queue (at its end)</source>
        <translation>ajoute des articles à la file de lecture (à sa fin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>archive articles (done with them)</source>
        <translation>archive des articles (vous en avez fini)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../entry.py" line="-47"/>
        <source>put articles back in the inbox</source>
        <translation>remet des articles à trier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the articles&apos; files</source>
        <translation>les fichiers des articles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>their library (default: the nearest folder above the first that is one)</source>
        <translation>leur bibliothèque (par défaut&#xa0;: le dossier le plus proche au-dessus du premier qui en est une)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>at the top of the queue, not its end</source>
        <translation>en tête de la file, pas à sa fin</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>1 article moved to the top of the queue</source>
        <translation>1 article placé en tête de la file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} articles moved to the top of the queue</source>
        <translation>{0} articles placés en tête de la file</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 article added to the queue</source>
        <translation>1 article ajouté à la file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} articles added to the queue</source>
        <translation>{0} articles ajoutés à la file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 article archived</source>
        <translation>1 article archivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} articles archived</source>
        <translation>{0} articles archivés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 article back in the inbox</source>
        <translation>1 article remis à trier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} articles back in the inbox</source>
        <translation>{0} articles remis à trier</translation>
    </message>
</context>
<context>
    <name>DayReview</name>
    <message>
        <location filename="../ui/review/deck.py" line="+168"/>
        <location line="+5"/>
        <source>Not saved: {0}.</source>
        <translation>Non enregistré&#xa0;: {0}.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/session/error_text.py" line="+18"/>
        <source>the library&apos;s data folder or its catalog file is read-only, so changes cannot be saved</source>
        <translation>le dossier des données de la bibliothèque ou son fichier catalogue est en lecture seule, les modifications ne peuvent donc pas être enregistrées</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the disk holding the library&apos;s data is full, so changes cannot be saved</source>
        <translation>le disque qui contient les données de la bibliothèque est plein&#xa0;: les modifications ne peuvent pas être enregistrées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the library&apos;s data is in use by another program; try again in a moment</source>
        <translation>les données de la bibliothèque sont utilisées par un autre programme&#xa0;; réessayez dans un instant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changes cannot be saved ({0})</source>
        <translation>les modifications ne peuvent pas être enregistrées ({0})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the library&apos;s catalog file cannot be written</source>
        <translation>le fichier catalogue de la bibliothèque n’est pas accessible en écriture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the library&apos;s data folder cannot be written</source>
        <translation>le dossier des données de la bibliothèque n’est pas accessible en écriture</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The catalog&apos;s files were changed by another program; it was reopened, and changes made since the last save may be lost.</source>
        <translation>Les fichiers du catalogue ont été modifiés par un autre programme&#xa0;; il a été rouvert, et les modifications faites depuis le dernier enregistrement ont pu être perdues.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The catalog&apos;s files were changed by another program; it was reopened, and recent changes could not be kept.</source>
        <translation>Les fichiers du catalogue ont été modifiés par un autre programme&#xa0;; il a été rouvert, et les modifications récentes n’ont pas pu être gardées.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The catalog&apos;s files were changed by another program; it was reopened.</source>
        <translation>Les fichiers du catalogue ont été modifiés par un autre programme&#xa0;; il a été rouvert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The catalog&apos;s files were changed by another program: changes cannot be saved until the library is opened again.</source>
        <translation>Les fichiers du catalogue ont été modifiés par un autre programme&#xa0;: les modifications ne peuvent être enregistrées qu’une fois la bibliothèque rouverte.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../ui/window/export_actions.py" line="+39"/>
        <source>Export Highlights as &amp;Markdown…</source>
        <translation>Exporter les surlignages en &amp;Markdown…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Highlights as &amp;JSON-LD…</source>
        <translation>Exporter les surlignages en &amp;JSON-LD…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export This &amp;Article&apos;s Highlights…</source>
        <translation>Exporter les surlignages de cet ar&amp;ticle…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The highlights and notes of the article shown, as Markdown or W3C JSON-LD</source>
        <translation>Les surlignages et notes de l’article affiché, en Markdown ou en JSON-LD W3C</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Highlights…</source>
        <translation>&amp;Importer des surlignages…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+15"/>
        <source>highlights</source>
        <comment>the file name an export suggests</comment>
        <translation>surlignages</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Export Highlights</source>
        <translation>Exporter les surlignages</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>W3C Web Annotation JSON-LD (*.jsonld)</source>
        <translation>JSON-LD W3C Web Annotation (*.jsonld)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export This Article&apos;s Highlights</source>
        <translation>Exporter les surlignages de cet article</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Highlights exported to {0}</source>
        <translation>Surlignages exportés dans {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not export: {0}</source>
        <translation>Échec de l’exportation&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import Highlights</source>
        <translation>Importer des surlignages</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importing highlights from {0}: {1} of {2} placed…</source>
        <translation>Import des surlignages de {0}&#xa0;: {1} sur {2} placés…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not import {0}: {1}</source>
        <translation>Impossible d’importer {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported 1 highlight</source>
        <translation>1 surlignage importé</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Imported %n highlights</source>
        <translation>
            <numerusform>%n surlignage importé</numerusform>
            <numerusform>%n surlignages importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n could not be placed</source>
        <translation>
            <numerusform>%n impossible à placer</numerusform>
            <numerusform>%n impossibles à placer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already there</source>
        <translation>
            <numerusform>%n déjà présent</numerusform>
            <numerusform>%n déjà présents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n not imported</source>
        <translation>
            <numerusform>%n non importé</numerusform>
            <numerusform>%n non importés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../ui/library_list/filter_bar.py" line="+11"/>
        <source>All articles</source>
        <translation>Tous les articles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unread</source>
        <translation>Non lus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starred</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any tag</source>
        <translation>Toute étiquette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any source</source>
        <translation>Toute source</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../ui/reading/find_bar.py" line="+43"/>
        <location line="+1"/>
        <source>Find in this article</source>
        <translation>Rechercher dans cet article</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matches</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close (Escape)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close find</source>
        <translation>Fermer la recherche</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No matches</source>
        <translation>Aucune occurrence</translation>
    </message>
</context>
<context>
    <name>Finishing</name>
    <message>
        <location filename="../ui/triage/finishing.py" line="+30"/>
        <source>Archive Articles When &amp;Done</source>
        <translation>&amp;Archiver une fois fini</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../ui/window/history.py" line="+46"/>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Forward</source>
        <translation>A&amp;vancer</translation>
    </message>
</context>
<context>
    <name>LibraryMenu</name>
    <message>
        <location filename="../ui/window/library_menu.py" line="+63"/>
        <source>Not a folder: {0}</source>
        <translation>Ce n’est pas un dossier&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>&amp;Open Folder…</source>
        <translation>&amp;Ouvrir un dossier…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un dossier &amp;récent</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open a Folder of Articles</source>
        <translation>Ouvrir un dossier d’articles</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No recent libraries</source>
        <translation>Aucune bibliothèque récente</translation>
    </message>
</context>
<context>
    <name>LibraryRefresh</name>
    <message>
        <location filename="../ui/session/refreshing.py" line="+134"/>
        <source>The library folder is empty or not mounted: its articles are kept.</source>
        <translation>Le dossier de la bibliothèque est vide ou n’est pas monté&#xa0;: ses articles sont conservés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not update the library: {0}</source>
        <translation>Impossible de mettre à jour la bibliothèque&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>LibrarySession</name>
    <message>
        <location filename="../ui/session/progress_text.py" line="+10"/>
        <source>Scanning</source>
        <translation>Analyse du dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading articles</source>
        <translation>Lecture des articles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indexing</source>
        <translation>Indexation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <location filename="../ui/window/list_menu.py" line="+71"/>
        <source>Mark &amp;All as Read</source>
        <translation>Tout &amp;marquer comme lu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Full Screen</source>
        <translation>Plein é&amp;cran</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uns&amp;tar</source>
        <translation>Retirer des &amp;favoris</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>S&amp;tar</source>
        <translation>Mettre en &amp;favori</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mark as &amp;Read</source>
        <translation>Marquer comme &amp;lu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark as &amp;Unread</source>
        <translation>Marquer comme &amp;non lu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>T&amp;ags…</source>
        <translation>Éti&amp;quettes…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy &amp;Title</source>
        <translation>Copier le &amp;titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Path</source>
        <translation>Copier le &amp;chemin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show in &amp;Folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mark All as Read</source>
        <translation>«&#xa0;Tout marquer comme lu&#xa0;»</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/window/main_window.py" line="+96"/>
        <source>Opening the library…</source>
        <translation>Ouverture de la bibliothèque…</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Read-only: {0}. You can read and search; highlights, stars and tags cannot be saved.</source>
        <translation>Lecture seule&#xa0;: {0}. Vous pouvez lire et rechercher&#xa0;; les surlignages, favoris et étiquettes ne peuvent pas être enregistrés.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Looking for articles…</source>
        <translation>Recherche des articles…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This library cannot be opened</source>
        <translation>Impossible d’ouvrir cette bibliothèque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No library</source>
        <translation>Aucune bibliothèque</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+58"/>
        <source>This article was removed</source>
        <translation>Cet article a été supprimé</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Its file is no longer in the library.</source>
        <translation>Son fichier n’est plus dans la bibliothèque.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No articles here yet</source>
        <translation>Pas encore d’articles ici</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add .txt or .md files to {0} and they will appear here.</source>
        <translation>Ajoutez des fichiers .txt ou .md dans {0} et ils apparaîtront ici.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Its file is no longer there.</source>
        <translation>Son fichier n’est plus là.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>In the Daily Review</source>
        <translation>Dans la revue du jour</translation>
    </message>
    <message>
        <location filename="../ui/window/navigation.py" line="+137"/>
        <source>Not an article of this library: {0}</source>
        <translation>Ce n’est pas un article de cette bibliothèque&#xa0;: {0}</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.py" line="+25"/>
        <source>{0} — Article Reader</source>
        <translation>{0} — Article Reader</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../ui/window/navigation.py" line="-98"/>
        <source>&amp;Next Article</source>
        <translation>Article &amp;suivant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Article</source>
        <translation>Article &amp;précédent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Page &amp;Down</source>
        <translation>Page &amp;suivante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page &amp;Up</source>
        <translation>Page &amp;précédente</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <location filename="../ui/window/opening.py" line="+62"/>
        <source>Not opened: {0} is not there any more.</source>
        <translation>Non ouvert&#xa0;: {0} n’existe plus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not opened: {0} holds the whole disk or your home folder; open a folder of articles.</source>
        <translation>Non ouvert&#xa0;: {0} contient tout le disque ou votre dossier personnel&#xa0;; ouvrez un dossier d’articles.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not opened: {0} is not a folder or an article file ({1}).</source>
        <translation>Non ouvert&#xa0;: {0} n’est ni un dossier ni un fichier d’article ({1}).</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Not opened: none of the {0} items dropped is a folder or an article.</source>
        <translation>Non ouvert&#xa0;: aucun des {0} éléments déposés n’est un dossier ou un article.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opened {0}; the {1} other items dropped were left: drop them one by one.</source>
        <translation>{0} est ouvert&#xa0;; les {1} autres éléments déposés sont laissés&#xa0;: déposez-les un par un.</translation>
    </message>
</context>
<context>
    <name>ReadingControls</name>
    <message>
        <location filename="../ui/reading/reading_controls.py" line="+18"/>
        <source>&amp;System</source>
        <translation>&amp;Système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;epia</source>
        <translation>Sé&amp;pia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Serif</source>
        <translation>&amp;Avec empattements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sa&amp;ns-Serif</source>
        <translation>&amp;Sans empattements</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Narrow</source>
        <translation>É&amp;troite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Medium</source>
        <translation>&amp;Moyenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wide</source>
        <translation>&amp;Large</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Compact</source>
        <translation>&amp;Serré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal</source>
        <translation>&amp;Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Relaxed</source>
        <translation>&amp;Aéré</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Bigger Text</source>
        <translation>Texte plus &amp;grand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;maller Text</source>
        <translation>Texte plus &amp;petit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actual Si&amp;ze</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Theme</source>
        <translation>T&amp;hème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line &amp;Width</source>
        <translation>&amp;Largeur de ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line S&amp;pacing</source>
        <translation>&amp;Interligne</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <location filename="../ui/reading/reading_pane.py" line="+24"/>
        <source>How far through the article</source>
        <translation>Progression dans l’article</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Caret mode: the arrows move the caret; Shift+arrows select (Ctrl+Shift: by word, ) and (: by sentence, Ctrl+Shift+Down: to the paragraph&apos;s end). Ctrl+H highlights, Ctrl+Shift+H adds a note; Escape or F7 leaves.</source>
        <translation>Mode curseur&#xa0;: les flèches déplacent le curseur&#xa0;; Maj+flèches sélectionnent (Ctrl+Maj&#xa0;: par mot, ) et (&#xa0;: par phrase, Ctrl+Maj+Bas&#xa0;: jusqu’à la fin du paragraphe). Ctrl+H surligne, Ctrl+Maj+H ajoute une note&#xa0;; Échap ou F7 pour sortir.</translation>
    </message>
</context>
<context>
    <name>ReadingState</name>
    <message>
        <location filename="../ui/annotations/reading_state.py" line="+71"/>
        <source>&amp;Star</source>
        <translation>&amp;Favori</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+148"/>
        <source>Mark as &amp;Unread</source>
        <translation>Marquer comme non l&amp;u</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark as &amp;Read</source>
        <translation>Marquer comme l&amp;u</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+12"/>
        <source>Not saved: {0}.</source>
        <translation>Non enregistré&#xa0;: {0}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: {0}. The list shows what is saved again.</source>
        <translation>Non enregistré&#xa0;: {0}. La liste montre de nouveau ce qui est enregistré.</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../ui/reading/reading_view.py" line="+59"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Tags: {0}</source>
        <translation>Étiquettes&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>RelatedList</name>
    <message>
        <location filename="../ui/reading/related_list.py" line="+71"/>
        <location line="+37"/>
        <location line="+61"/>
        <source>Related articles</source>
        <translation>Articles liés</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Also in your library as:</source>
        <translation>Aussi dans votre bibliothèque sous&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also in your library as</source>
        <translation>Aussi dans votre bibliothèque sous</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Related articles: looking…</source>
        <translation>Articles liés&#xa0;: recherche…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Hide the related articles</source>
        <translation>Masquer les articles liés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the related articles</source>
        <translation>Afficher les articles liés</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No related articles</source>
        <translation>Aucun article lié</translation>
    </message>
</context>
<context>
    <name>ReviewCard</name>
    <message>
        <location filename="../ui/review/card.py" line="+105"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No note. Press E to write one.</source>
        <translation>Pas de note. Appuyez sur E pour en écrire une.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No tags. Press T to add some, separated by commas.</source>
        <translation>Pas d’étiquettes. Appuyez sur T pour en ajouter, séparées par des virgules.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Colour (C):</source>
        <translation>Couleur (C)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message>
        <location filename="../ui/window/review_mode.py" line="+61"/>
        <source>Daily &amp;Review</source>
        <translation>&amp;Revue du jour</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../ui/review/review_page.py" line="+58"/>
        <source>Daily review</source>
        <translation>Revue du jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily Review</source>
        <translation>Revue du jour</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sooner</source>
        <translation>Plus tôt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mastered</source>
        <translation>Acquis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip (Not Now)</source>
        <translation>Passer (pas maintenant)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Previous</source>
        <translation>Surlignage précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Surlignage suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open at Passage</source>
        <translation>Ouvrir au passage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy Highlight with Citation</source>
        <translation>Copier le surlignage et sa citation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to Reading</source>
        <translation>Retour à la lecture</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit the Note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the Tags</source>
        <translation>Modifier les étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next Colour</source>
        <translation>Couleur suivante</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Key: {0}</source>
        <translation>Touche&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>1 left today</source>
        <translation>1 restant aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n left today</source>
        <translation>
            <numerusform>%n restant aujourd’hui</numerusform>
            <numerusform>%n restants aujourd’hui</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All done today</source>
        <translation>Tout est fait aujourd’hui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1-day streak</source>
        <translation>1 jour d’affilée</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n-day streak</source>
        <translation>
            <numerusform>%n jour d’affilée</numerusform>
            <numerusform>%n jours d’affilée</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Highlight {0} of {1}</source>
        <translation>Surlignage {0} sur {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drawing today&apos;s highlights…</source>
        <translation>Choix des surlignages du jour…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to review today.
Highlight passages as you read (Ctrl+H): they come back here, a few each day.</source>
        <translation>Rien à revoir aujourd’hui.
Surlignez des passages en lisant (Ctrl+H)&#xa0;: ils reviennent ici, quelques-uns chaque jour.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done for today. New highlights come back tomorrow.
Left and Right go through today&apos;s again.</source>
        <translation>C’est fini pour aujourd’hui. D’autres surlignages reviennent demain.
Gauche et Droite reparcourent ceux du jour.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Keep</source>
        <comment>undo step</comment>
        <translation>Garder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sooner</source>
        <comment>undo step</comment>
        <translation>Plus tôt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mastered</source>
        <comment>undo step</comment>
        <translation>Acquis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <comment>undo step</comment>
        <translation>Passer</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../ui/library_list/search_bar.py" line="+78"/>
        <source>Search all articles  (Ctrl+K or /)</source>
        <translation>Rechercher dans tous les articles  (Ctrl+K ou /)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search articles</source>
        <translation>Rechercher des articles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search suggestion</source>
        <translation>Suggestion de recherche</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Did you mean &lt;a href=&quot;suggestion&quot;&gt;{0}&lt;/a&gt;?</source>
        <translation>Vouliez-vous dire &lt;a href=&quot;suggestion&quot;&gt;{0}&lt;/a&gt;&#xa0;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Did you mean {0}? Enter searches for it</source>
        <translation>Vouliez-vous dire {0}&#xa0;? Entrée lance cette recherche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search for {0} instead</source>
        <translation>Rechercher plutôt {0}</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <location filename="../ui/annotations/selection_toolbar.py" line="+19"/>
        <source>Highlight in yellow</source>
        <translation>Surligner en jaune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight in green</source>
        <translation>Surligner en vert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight in blue</source>
        <translation>Surligner en bleu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight in pink</source>
        <translation>Surligner en rose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight in purple</source>
        <translation>Surligner en violet</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Highlight the selection</source>
        <translation>Surligner la sélection</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Note…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Highlight and write a note</source>
        <translation>Surligner et écrire une note</translation>
    </message>
</context>
<context>
    <name>SessionSearch</name>
    <message>
        <location filename="../ui/session/searching.py" line="+89"/>
        <source>✎ In your highlights: {0}</source>
        <translation>✎ Dans vos surlignages&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the search index was damaged; rebuilding it</source>
        <translation>l’index de recherche était endommagé&#xa0;; reconstruction en cours</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../ui/window/shortcuts_dialog.py" line="+54"/>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every action and its keys</source>
        <translation>Chaque action et ses touches</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reading</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Move the caret</source>
        <translation>Déplacer le curseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move by word</source>
        <translation>Déplacer par mot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move by paragraph</source>
        <translation>Déplacer par paragraphe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select as you move</source>
        <translation>Sélectionner en se déplaçant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select by word</source>
        <translation>Sélectionner par mot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select to the sentence&apos;s end, back to its start</source>
        <translation>Sélectionner jusqu’à la fin de la phrase, jusqu’à son début</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select to the paragraph&apos;s end</source>
        <translation>Sélectionner jusqu’à la fin du paragraphe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the selection, then leave caret mode</source>
        <translation>Effacer la sélection, puis quitter le mode curseur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In Caret Mode</source>
        <translation>En mode curseur</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message numerus="yes">
        <location filename="../ui/window/status_text.py" line="+170"/>
        <source>%n of 1 article shown</source>
        <translation>
            <numerusform>%n article affiché sur 1</numerusform>
            <numerusform>%n articles affichés sur 1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of {0} articles shown</source>
        <translation>
            <numerusform>%n article affiché sur {0}</numerusform>
            <numerusform>%n articles affichés sur {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="-3"/>
        <source>1 article</source>
        <translation>1 article</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n articles</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>, the best %n shown</source>
        <translation>
            <numerusform>, %n affiché, le meilleur</numerusform>
            <numerusform>, les %n meilleurs affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n after the filter</source>
        <translation>
            <numerusform>, %n après le filtre</numerusform>
            <numerusform>, %n après le filtre</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — left out: {0}</source>
        <translation> — non pris en compte&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (still indexing: more may match)</source>
        <translation> (indexation en cours&#xa0;: d’autres articles peuvent correspondre)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>about %n of 1 article match</source>
        <translation>
            <numerusform>environ %n article sur 1 correspond</numerusform>
            <numerusform>environ %n articles sur 1 correspondent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of 1 article match</source>
        <translation>
            <numerusform>%n article sur 1 correspond</numerusform>
            <numerusform>%n articles sur 1 correspondent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>about %n of {0} articles match</source>
        <translation>
            <numerusform>environ %n article sur {0} correspond</numerusform>
            <numerusform>environ %n articles sur {0} correspondent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of {0} articles match</source>
        <translation>
            <numerusform>%n article sur {0} correspond</numerusform>
            <numerusform>%n articles sur {0} correspondent</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Looking for articles…</source>
        <translation>Recherche des articles…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No articles in this folder yet.
Add .txt or .md files to it and they appear here at once, or open another folder (Ctrl+O).</source>
        <translation>Aucun article dans ce dossier pour l’instant.
Ajoutez-y des fichiers .txt ou .md&#xa0;: ils apparaîtront ici aussitôt. Ou ouvrez un autre dossier (Ctrl+O).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No articles shown match “{0}”.</source>
        <translation>Aucun article affiché ne correspond à «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No articles match “{0}”.
Check the spelling, use fewer words, or look in your notes with in:notes.</source>
        <translation>Aucun article ne correspond à «&#xa0;{0}&#xa0;».
Vérifiez l’orthographe, utilisez moins de mots, ou cherchez dans vos notes avec in:notes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No starred articles yet.
Press Ctrl+D (or S) to star the article you are reading.</source>
        <translation>Aucun article favori pour l’instant.
Appuyez sur Ctrl+D (ou S) pour mettre en favori l’article que vous lisez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing unread: you have read every article here.</source>
        <translation>Aucun article non lu&#xa0;: vous les avez tous lus.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing in Later.
Press L on an article to put it in your reading queue.</source>
        <translation>Rien à lire plus tard.
Appuyez sur L sur un article pour le mettre dans votre file de lecture.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing archived.
Press E on an article you are done with.</source>
        <translation>Rien d’archivé.
Appuyez sur E sur un article que vous avez fini.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The inbox is empty: every article is in Later or in the Archive.</source>
        <translation>Rien à trier&#xa0;: chaque article est à lire plus tard ou archivé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unread</source>
        <translation>non lus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>starred</source>
        <translation>favoris</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tag “{0}”</source>
        <translation>étiquette «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source “{0}”</source>
        <translation>source «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The filter ({0}) hides the rest of the library: choose “All articles”, “Any tag” and “Any source” above the list to see every article.</source>
        <translation>Le filtre ({0}) masque le reste de la bibliothèque&#xa0;: choisissez «&#xa0;Tous les articles&#xa0;», «&#xa0;Toute étiquette&#xa0;» et «&#xa0;Toute source&#xa0;» au-dessus de la liste pour voir tous les articles.</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+9"/>
        <source>No articles match this filter.</source>
        <translation>Aucun article ne correspond à ce filtre.</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <location filename="../ui/annotations/tags_dialog.py" line="+43"/>
        <source>Tags — {0}</source>
        <translation>Étiquettes — {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags of the article</source>
        <translation>Étiquettes de l’article</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags of this article:</source>
        <translation>Étiquettes de cet article&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>New tag</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;name Everywhere…</source>
        <translation>Re&amp;nommer partout…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{0} (in the file)</source>
        <translation>{0} (dans le fichier)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Rename Tag</source>
        <translation>Renommer l’étiquette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename “{0}” on every article to:</source>
        <translation>Renommer «&#xa0;{0}&#xa0;» dans tous les articles en&#xa0;:</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../ui/session/tasks.py" line="+141"/>
        <source>Something went wrong in the background: {0}</source>
        <translation>Une tâche de fond a échoué&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>TriageActions</name>
    <message>
        <location filename="../ui/triage/actions.py" line="+48"/>
        <source>Read &amp;Later</source>
        <translation>Lire plus tar&amp;d</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archi&amp;ve</source>
        <translation>Arc&amp;hiver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to &amp;Inbox</source>
        <translation>Remettre à tr&amp;ier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move to &amp;Top of Queue</source>
        <translation>Mettre en &amp;tête de la file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Up in Queue</source>
        <translation>&amp;Monter dans la file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Down in Queue</source>
        <translation>&amp;Descendre dans la file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to &amp;Bottom of Queue</source>
        <translation>Mettre en &amp;fin de file</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Current (Not Archived)</source>
        <translation>&amp;En cours (non archivés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inbox</source>
        <translation>À &amp;trier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later (Queue)</source>
        <translation>&amp;Plus tard (file)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;rchive</source>
        <translation>A&amp;rchives</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Read Later</source>
        <comment>undo step</comment>
        <translation>Lire plus tard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive</source>
        <comment>undo step</comment>
        <translation>Archiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to Inbox</source>
        <comment>undo step</comment>
        <translation>Remettre à trier</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move to Top of Queue</source>
        <comment>undo step</comment>
        <translation>Mettre en tête de la file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Up in Queue</source>
        <comment>undo step</comment>
        <translation>Monter dans la file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Down in Queue</source>
        <comment>undo step</comment>
        <translation>Descendre dans la file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to Bottom of Queue</source>
        <comment>undo step</comment>
        <translation>Mettre en fin de file</translation>
    </message>
</context>
<context>
    <name>TriageMoves</name>
    <message>
        <location filename="../ui/triage/moves.py" line="+136"/>
        <source>Not saved: {0}.</source>
        <translation>Non enregistré&#xa0;: {0}.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not saved: {0}. The list shows what is saved again.</source>
        <translation>Non enregistré&#xa0;: {0}. La liste montre de nouveau ce qui est enregistré.</translation>
    </message>
</context>
<context>
    <name>TriageParts</name>
    <message>
        <location filename="../ui/window/triage_parts.py" line="+68"/>
        <source>&amp;Queue</source>
        <translation>Fil&amp;e de lecture</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vie&amp;ws</source>
        <translation>&amp;Vues</translation>
    </message>
</context>
<context>
    <name>ViewTabs</name>
    <message>
        <location filename="../ui/triage/view_tabs.py" line="+20"/>
        <source>Current</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbox</source>
        <translation>À trier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive</source>
        <translation>Archives</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The inbox and Later: every article not archived</source>
        <translation>À trier et Plus tard&#xa0;: tous les articles non archivés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles not yet sorted</source>
        <translation>Les articles pas encore triés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your reading queue, in your order</source>
        <translation>Votre file de lecture, dans votre ordre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles put away; a search still finds them</source>
        <translation>Les articles rangés&#xa0;; une recherche les trouve encore</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>1 article</source>
        <translation>1 article</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n articles</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../ui/window/menus.py" line="+65"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;scan Library</source>
        <translation>Ré&amp;analyser la bibliothèque</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Search Articles</source>
        <translation>Re&amp;chercher dans les articles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next Hit</source>
        <translation>Résultat &amp;suivant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Hit</source>
        <translation>Résultat &amp;précédent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find in Article…</source>
        <translation>Rechercher dans l’artic&amp;le…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Article</source>
        <translation>A&amp;rticle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Tags…</source>
        <translation>É&amp;tiquettes…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Highlights and Notes Panel</source>
        <translation>Panneau des &amp;surlignages et notes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All Highlights and Notes…</source>
        <translation>Tous les surlignages et notes…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;All Articles</source>
        <translation>&amp;Tous les articles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unread</source>
        <translation>&amp;Non lus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Starred (Bookmarks)</source>
        <translation>&amp;Favoris (signets)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;System Language</source>
        <translation>Langue du &amp;système</translation>
    </message>
</context>
<context>
    <name>WindowSearch</name>
    <message>
        <location filename="../ui/window/search.py" line="+203"/>
        <source>Search: {0}</source>
        <translation>Recherche&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../cli/language.py" line="+26"/>
        <location filename="../cli/parser.py" line="-115"/>
        <source>usage: </source>
        <translation>utilisation&#xa0;: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>positional arguments</source>
        <translation>arguments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show this help message and exit</source>
        <translation>affiche cette aide et quitte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s&#xa0;: erreur&#xa0;: %(message)s
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unrecognized arguments: %s</source>
        <translation>arguments inconnus&#xa0;: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the following arguments are required: %s</source>
        <translation>arguments obligatoires manquants&#xa0;: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s&#xa0;: %(message)s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix invalide&#xa0;: %(value)r (au choix&#xa0;: %(choices)s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s invalide&#xa0;: %(value)r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>option ambiguë&#xa0;: %(option)s peut être %(matches)s</translation>
    </message>
</context>
</TS>
