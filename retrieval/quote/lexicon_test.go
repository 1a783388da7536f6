package quote

import (
	"strings"
	"testing"
)

// TestPlaceName checks the copy-free lookup against the plain one it
// replaces, for ASCII names, names with accents or curly marks, and names
// longer than its buffer.
func TestPlaceName(t *testing.T) {
	plain := func(name string) bool { return places[strings.ReplaceAll(fold(name), " ", "-")] }
	for _, name := range []string{
		"Washington", "New York", "NEW YORK", "Hong Kong", "Kyiv", "Antony Blinken", "",
		"Bogotá", "Côte d’Ivoire", "The Democratic Republic of the Congo and Everything Beyond It",
		strings.Repeat("A", 48), strings.Repeat("A", 49),
	} {
		if got, want := placeName(name), plain(name); got != want {
			t.Errorf("placeName(%q) = %v, want %v", name, got, want)
		}
	}
	if !placeName("New York") || !placeName("Washington") || placeName("Antony Blinken") {
		t.Errorf("placeName: New York %v, Washington %v, Antony Blinken %v", placeName("New York"), placeName("Washington"), placeName("Antony Blinken"))
	}
}

func TestStraighten(t *testing.T) {
	for in, want := range map[string]string{
		"O’Neill’s": "O'Neill's", "O'Neill": "O'Neill", "—“quoted”": "—“quoted”", "plain": "plain", "": "",
	} {
		if got := straighten(in); got != want {
			t.Errorf("straighten(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGivenNameGenders checks that every given name keeps the gender its
// list gives it, a woman's name on both lists a woman's.
func TestGivenNameGenders(t *testing.T) {
	for w := range unisexNames {
		if !givenName(w) {
			t.Errorf("givenName(%q) = false", w)
		}
		if g := firstNameGender(w); g != 0 && !femaleNames[w] && !maleNames[w] {
			t.Errorf("firstNameGender(%q) = %q, want 0", w, g)
		}
	}
	for w := range maleNames {
		if want := map[bool]byte{true: 'f', false: 'm'}[femaleNames[w]]; firstNameGender(w) != want || !givenName(w) {
			t.Errorf("%q: gender %q, want %q", w, firstNameGender(w), want)
		}
	}
	for w := range femaleNames {
		if firstNameGender(w) != 'f' || !givenName(w) {
			t.Errorf("%q: gender %q, want 'f'", w, firstNameGender(w))
		}
	}
	if givenName("blinken") || firstNameGender("blinken") != 0 {
		t.Error("blinken is no given name")
	}
}
