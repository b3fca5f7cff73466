"""Speaker constructions found by the issue 19 audit (benchmarks/speaker_audit.py), one per test
and in both languages where the language has it; sentences written for these tests."""
from __future__ import annotations

from test_quotes_audit import speakers


def test_a_participle_hung_on_a_reported_clause_shares_the_reporting_verbs_subject():
    text = ('Rossi said that after long talks Brussels had found the plan was "not, in itself, against '
            'the treaty", saying he trusted the courts to decide.')
    assert speakers(text) == ["Rossi"]


def test_a_second_statement_with_a_pronoun_leaves_the_quotation_to_the_first_verb():
    text = ('The Moldovan interior ministry said it viewed the ruling as "a further step undermining" the '
            'legal basis for a settlement and said it would likely heighten tensions on the ground.')
    assert speakers(text) == ["The Moldovan interior ministry"]


def test_a_quotation_after_reported_speech_follows_on_from_its_speaker():
    text = ('"The vote was free and the count was clean," said Avi Stern, a fellow at the institute.\n\n'
            'Pavel Orlov said the result was only the latest trick of the government.\n\n'
            '"They wanted us silent and they used every tool they had to keep us silent."')
    assert speakers(text) == ["Avi Stern", "Pavel Orlov"]


def test_indonesian_quotation_after_reported_speech_follows_on_from_its_speaker():
    text = ('"Pemungutan suara berjalan bebas dan jujur," kata Budi Santoso, peneliti lembaga itu.\n\n'
            'Hendra Wijaya mengatakan hasil itu hanyalah siasat terbaru pemerintah daerah.\n\n'
            '"Mereka ingin kami diam dan memakai segala cara untuk membungkam kami semua."')
    assert speakers(text) == ["Budi Santoso", "Hendra Wijaya"]


def test_a_heading_between_a_quotation_and_its_follow_on_is_skipped():
    text = ('Ambassador Lena Brandt said: "They are already there, in the garrison, to show who is in '
            'charge of the port."\n\nStrike enters its third week\n\n'
            '"If the strike goes on, the government will not sit and watch. We have the means to end it."')
    assert speakers(text) == ["Lena Brandt", "Lena Brandt"]


def test_the_statement_said_speaks_for_who_issued_it():
    text = ('Three Dutch engineers were hurt in a blast at the plant, the Dutch navy said in a statement on '
            'Friday.\n\n"The cause of the blast is being examined, but early findings do not point to '
            'sabotage," the statement said.')
    assert speakers(text) == ["the Dutch navy"]


def test_indonesian_the_statement_said_speaks_for_who_issued_it():
    text = ('Tiga teknisi terluka dalam ledakan di pabrik itu, kata Kementerian Perindustrian dalam '
            'pernyataan resmi, Jumat.\n\n"Penyebab ledakan masih diselidiki, namun temuan awal tidak '
            'mengarah pada sabotase," demikian pernyataan itu.')
    assert speakers(text) == ["Ministry of Industry (Indonesia)"]


def test_an_inverted_verb_with_a_description_then_the_name_after_a_comma():
    text = ('Brandt was known for telling others "he was the one in charge of the talks" despite his title, '
            'said another witness in the inquiry, former trade adviser Carla Moss.')
    assert speakers(text) == ["Carla Moss"]


def test_an_apposition_opening_with_an_article_describes_the_name_before_it():
    text = ('"People say it does not matter because she will win the state," said Charlie King, a prominent '
            'New York Democrat.')
    assert speakers(text) == ["Charlie King"]


def test_a_possessor_is_not_the_speaker():
    text = ('A radio reporter Dana Whitfield\'s contact inside the camp, a farmer who asked not to be named, '
            'said the claim was "completely false and invented."')
    assert speakers(text) == ["Whitfield's contact"]


def test_a_first_name_two_persons_share_names_neither():
    text = ('Deputy Foreign Minister Sergei Ryabkov warned that sending weapons would be dangerous for the '
            'region.\n\n"This would be a step that destabilises the whole region," he told reporters.\n\n'
            'In separate remarks, intelligence chief Sergei Naryshkin said the situation was critical.')
    assert speakers(text) == ["Sergei Ryabkov"]


def test_indonesian_a_first_name_two_persons_share_names_neither():
    text = ('Wakil Menteri Luar Negeri Rusia Sergei Ryabkov memperingatkan bahwa bantuan senjata itu '
            'berbahaya bagi kawasan.\n\n"Ini akan menjadi langkah yang mengacaukan seluruh kawasan," katanya '
            'kepada wartawan di Moskow, Kamis.\n\nDalam komentar terpisah, kepala dinas intelijen Rusia, '
            'Sergei Naryshkin, mengatakan bahwa situasi sekarang kritis.')
    assert speakers(text) == ["Sergei Ryabkov"]


def test_english_it_stands_for_an_organisation_that_spoke_last():
    text = ('Foreign Minister Marco Bellini said flights had been laid on for Italians. The Greek foreign '
            'ministry said it had flown 120 citizens home from Israel.\n\n'
            '"They were taken to Athens on air force planes," it said in a statement.')
    assert speakers(text) == ["The Greek foreign ministry"]


def test_a_name_in_quote_marks_is_no_quotation():
    text = ("The president will speak at the 'St. Petersburg International Economic Forum (SPIEF)' next "
            "week, his office said on Monday.")
    assert speakers(text) == []


def test_indonesian_a_name_in_quote_marks_is_no_quotation():
    text = ("Presiden akan berpidato di forum bergengsi yaitu 'Forum Ekonomi Internasional Saint Petersburg "
            "(SPIEF)' pekan depan di Rusia.")
    assert speakers(text) == []


def test_the_speech_verb_in_the_sentence_after_the_quotation():
    text = ('"Prices will settle before the harvest is in and the market will calm down." Ana Ruiz told '
            'reporters that on Tuesday.')
    assert speakers(text) == ["Ana Ruiz"]


def test_indonesian_a_passive_speech_verb_in_the_sentence_after_the_quotation():
    text = ('"Harga akan stabil sebelum panen tiba dan pasar akan kembali tenang." Hal itu dikatakan Budi '
            'Santoso kepada wartawan, Selasa.')
    assert speakers(text) == ["Budi Santoso"]


def test_speech_verbs_of_shouting_and_boasting_are_cues():
    text = ('"Nobody in this town has ever built a bigger hall than mine," bragged Dale Hutton.\n\n'
            '"Give us back our jobs before the winter comes to this valley!" screamed Nora Feld.')
    assert speakers(text) == ["Dale Hutton", "Nora Feld"]


def test_indonesian_speech_verbs_of_denying_and_posting_are_cues():
    text = ('"Tidak ada satu pun dana bantuan yang kami selewengkan selama ini," bantah Rudi Hartono.\n\n'
            '"Jalanan di kota ini macet total sejak pagi tadi," cuit Sari Dewanti di akun media sosialnya.')
    assert speakers(text) == ["Rudi Hartono", "Sari Dewanti"]


def test_a_quoted_nickname_inside_a_name_is_part_of_the_name():
    text = '"We will win this seat and the next one too," said Robert "Bobby" Scott, the congressman.'
    assert speakers(text) == ["Scott"]


def test_indonesian_a_quoted_nickname_inside_a_name_is_no_quotation():
    text = ('"Kami akan memenangkan kursi ini dan kursi berikutnya," kata Maruarar "Ara" Sirait kepada '
            'wartawan.')
    assert [name.split()[-1] for name in speakers(text)] == ["Sirait"]


def test_a_quotation_interjected_after_a_name_and_a_dash():
    text = ("Several senators have said the same, including the former candidate Mark Sorenson -- "
            "''It is disqualifying for a modern nominee to hide his returns from the voters'' -- and others.")
    assert speakers(text) == ["Mark Sorenson"]


def test_indonesian_a_quotation_interjected_after_a_name_and_a_dash():
    text = ("Sejumlah anggota dewan telah menyampaikan hal serupa, termasuk mantan calon Hendra Wijaya — "
            "“Menyembunyikan laporan pajak dari para pemilih tidak bisa diterima” — dan beberapa lainnya.")
    assert speakers(text) == ["Hendra Wijaya"]


# Items of issue 19's "What to build" that had no test of their own in one language or the other.

def test_the_verb_inside_a_quotation_split_in_two():
    text = '"We will stay in this town," Ana Ruiz said, "until the last house is rebuilt."'
    assert speakers(text) == ["Ana Ruiz", "Ana Ruiz"]


def test_indonesian_the_verb_inside_a_quotation_split_in_two():
    text = '"Kami akan tetap di kota ini," kata Budi Santoso, "sampai rumah terakhir dibangun kembali."'
    assert speakers(text) == ["Budi Santoso", "Budi Santoso"]


def test_indonesian_colon_introduction_with_a_verb_and_its_object():
    text = ('Menteri Luar Negeri Sugiono menyindir pesaingnya dalam serangkaian cuitan: "Dia tidak punya '
            'rencana apa pun untuk negeri ini."')
    assert speakers(text) == ["Sugiono"]


def test_a_pronoun_goes_to_the_person_in_subject_position_of_its_paragraph():
    text = ('Mayor Tom Reed met the governor, Lisa Grant, on Monday.\n\nGrant opened the talks. "We will find '
            'the money for the bridge this year," she said.')
    assert speakers(text) == ["Lisa Grant"]


def test_indonesian_a_pronoun_goes_to_the_person_in_subject_position_of_its_paragraph():
    text = ('Wali Kota Tomi Reza bertemu Gubernur Lisa Grant, Senin.\n\nLisa Grant membuka pembicaraan. '
            '"Kami akan mencari dana untuk jembatan itu tahun ini," katanya.')
    assert speakers(text) == ["Lisa Grant"]


def test_a_demonstrative_opening_a_sentence_is_no_speaker():
    text = ('Analyst Rina Putri studies the halal travel market. The market keeps growing. This underlines '
            'the size of the sector.\n\n"In short, the sector is a strategic market for every airline," she said.')
    assert speakers(text) == ["Rina Putri"]


def test_indonesian_a_demonstrative_opening_a_sentence_is_no_speaker():
    text = ('Analis Rina Putri meneliti pasar wisata halal. Pasar itu terus tumbuh. Ini menegaskan besarnya '
            'dampak ekonomi sektor tersebut.\n\n"Kesimpulannya, sektor ini menjadi pasar strategis bagi '
            'semua maskapai," ujarnya.')
    assert speakers(text) == ["Rina Putri"]
