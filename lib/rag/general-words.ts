/**
 * Everyday English words that say nothing about a question's topic. A knowledge base of runbooks may
 * never use "yesterday" or "broken", but a question containing them is not thereby about something
 * else: they are left out of the "unknown vocabulary" signal (lib/rag/support.ts).
 */
export const GENERAL_WORDS = new Set(
  (
    "able about above across act action actually add after afternoon again ago all almost alone along already also always am among " +
    "another answer answered any anymore anyone anything anyway anywhere appear are area around ask asked asking away back bad badly " +
    "basically be became because become been before begin behind being believe below best better between big bit both break breaks " +
    "broke broken bring brought busy but buy call called came can cannot cant case cause certain change changed check clear close " +
    "come comes coming could couldnt current currently day days deal different do does doesnt doing done dont down during each early " +
    "earlier easy either else end enough even evening ever every everyone everything everywhere exactly example extra fact fail fast " +
    "few find fine first fix fixed fixing follow for forever found free from front full fully further get gets getting give given go " +
    "goes going gone good got great guess had half happen happened happening happens hard has have having hello help here hey high " +
    "hit hold home hour hours how however idea if important in info information instead into is isnt issue issues it its just keep " +
    "keeps kept kind know known last late later latest least left less let like likely line little long look looking looks lost lot " +
    "lots low made main make makes making many may maybe me mean means might mind minute minutes miss missing moment money month " +
    "months more morning most move much must my near need needed needs never new next nice night no nobody none normal normally not " +
    "nothing now number of off often ok okay old on once one only open or other others our out over own part past people perhaps " +
    "pick picking place please point possible pretty probably problem problems put question quick quickly quite rather real really " +
    "reason recent recently right run running said same saw say says second see seem seems seen set several shall she should show " +
    "shows side simple since small so some somebody someone something sometimes somewhere soon sorry start started state still stop " +
    "stopped stuff such suddenly sure take takes taking tell than thank thanks that the their them then there these they thing things " +
    "think this those though thought through time times to today together told tomorrow too took top totally true try trying turn " +
    "turned twice under understand until up upon us use used using usual usually very via wait want wanted was way ways we week " +
    "weeks well went were what whatever whats when where whether which while who whole whom why will with within without wont work " +
    "worked working works worse would wrong year years yes yesterday yesterdays yet you your"
  ).split(" "),
);
