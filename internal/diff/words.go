package diff

import "strings"

// wordOp is a run of words that both texts share ('='), only the old one has ('-') or
// only the new one has ('+').
type wordOp struct {
	Kind byte
	Text string
}

// maxWordCells bounds the longest-common-subsequence table (old words × new words): two
// texts of a thousand words each are compared word by word, longer ones as a whole.
const maxWordCells = 1 << 20

// wordDiff compares two texts word by word (white space separates words and is not
// compared). It returns nil when the texts are too long to compare this way.
func wordDiff(a, b string) []wordOp {
	x, y := strings.Fields(a), strings.Fields(b)
	if (len(x)+1)*(len(y)+1) > maxWordCells {
		return nil
	}
	// lcs[i][j]: the longest common subsequence of x[i:] and y[j:].
	w := len(y) + 1
	lcs := make([]int32, (len(x)+1)*w)
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	var ops []wordOp
	push := func(k byte, s string) {
		if n := len(ops); n > 0 && ops[n-1].Kind == k {
			ops[n-1].Text += " " + s
			return
		}
		ops = append(ops, wordOp{k, s})
	}
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			push('=', x[i])
			i, j = i+1, j+1
		case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			push('-', x[i])
			i++
		default:
			push('+', y[j])
			j++
		}
	}
	for ; i < len(x); i++ {
		push('-', x[i])
	}
	for ; j < len(y); j++ {
		push('+', y[j])
	}
	return ops
}
