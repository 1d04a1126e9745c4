package translit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Поступление в вуз", "postuplenie-v-vuz"},
		{"Студент, проживающий в соседнем регионе", "student-prozhivayushhij-v-sosednem-regione"},
		{"Включение в реестр туроператоров", "vklyuchenie-v-reestr-turoperatorov"},
		{"Приобретение транспортного средства", "priobretenie-transportnogo-sredstva"},
		{"Увольнение с государственной службы", "uvolnenie-s-gosudarstvennoj-sluzhby"},
		{"Молодой военнослужащий", "molodoj-voennosluzhashhij"},
		{"Туроператор, организующий регулярные туры", "turoperator-organizuyushhij-regulyarnye-tury"},
		{"Покупатель первого автомобиля в кредит", "pokupatel-pervogo-avtomobilya-v-kredit"},
		// ц: c before и, е, ы, й; cz elsewhere.
		{"Цирк", "cirk"}, {"Цена", "cena"}, {"Цыган", "cygan"}, {"Цапля", "czaplya"},
		{"Лицо", "liczo"}, {"Отец", "otecz"}, {"Куцый", "kucyj"},
		// ё, ъ, ь, э, ю, я, х.
		{"Ёлка", "yolka"}, {"Подъезд", "podezd"}, {"Семья", "semya"}, {"Этаж", "etazh"},
		{"Юрист", "yurist"}, {"Хлеб", "xleb"}, {"Щука", "shhuka"}, {"Чай", "chaj"},
		{"Выход", "vyxod"},
		// Latin, digits, punctuation.
		{"ЕПГУ 2.0: Госуслуги!", "epgu-2-0-gosuslugi"},
		{"  Hello,   World  ", "hello-world"},
		{"Форма 2-НДФЛ", "forma-2-ndfl"},
		{"д'Артаньян", "dartanyan"},
		{"Київ", "kiyiv"},
		{"—«Тест»—", "test"},
		// Diacritics folded, ligatures spelled out, other Cyrillic letters kept (issue 18, item 17).
		{"Café crème", "cafe-creme"}, {"Straße", "strasse"}, {"Cafe\u0301", "cafe"},
		{"İstanbul", "istanbul"}, {"Łódź", "lodz"}, {"Ærø", "aero"},
		{"Қазақстан", "kazakstan"}, {"Әлеуметтік көмек", "aleumettik-komek"}, {"Өңір", "onir"},
		{"Ұлттық", "ulttyk"}, {"Үй", "uj"}, {"Һ", "h"}, {"Ђорђе", "djordje"}, {"Њива", "niva"},
	}
	for _, tc := range tests {
		got, err := Slug(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Slug(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestSlugEmpty(t *testing.T) {
	for _, in := range []string{"", "   ", "!!!", "ъь", "日本語", "—"} {
		if got, err := Slug(in); !errors.Is(err, errEmpty) {
			t.Errorf("Slug(%q) = %q, %v; want errEmpty", in, got, err)
		}
	}
}

func TestSlugCut(t *testing.T) {
	long := strings.Repeat("слово ", 40) // slovo-slovo-… far past 100
	got, err := Slug(long)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) > MaxLen || !Valid(got) || strings.HasSuffix(got, "-") {
		t.Fatalf("Slug(long) = %q (len %d)", got, len(got))
	}
	if got != strings.TrimSuffix(strings.Repeat("slovo-", 16), "-") {
		t.Errorf("cut not at a hyphen boundary: %q", got)
	}
	one := strings.Repeat("а", 150)
	if got, _ := Slug(one); got != strings.Repeat("a", 100) {
		t.Errorf("a single long word is cut at %d: %q", len(got), got)
	}
}

// The bundled examples' titles transliterate to ids that validate.
func FuzzSlug(f *testing.F) {
	seeds := []string{"Поступление в вуз", "ЕПГУ 2.0", "", "ц", "Ёж—ъ", "a--b", "日本"}
	files, _ := filepath.Glob("../../examples/*/life-situation.yaml")
	more, _ := filepath.Glob("../../examples/*/profiles/*.yaml")
	for _, p := range append(files, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			if t, ok := strings.CutPrefix(line, "title: "); ok {
				seeds = append(seeds, t)
			}
		}
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Slug(s)
		if err != nil {
			if !errors.Is(err, errEmpty) || got != "" {
				t.Fatalf("Slug(%q) = %q, %v", s, got, err)
			}
			return
		}
		if !Valid(got) || !utf8.ValidString(got) {
			t.Fatalf("Slug(%q) = %q: not a valid id", s, got)
		}
	})
}

func BenchmarkSlug(b *testing.B) {
	for b.Loop() {
		if _, err := Slug("Студент, проживающий в соседнем регионе"); err != nil {
			b.Fatal(err)
		}
	}
}
