#!/usr/bin/python3
"""gensim's side of the side-by-side benchmark: trains SGNS with gensim's Word2Vec on the same
corpus, cut the same way (each line tokenized, cut into pseudo-sentences of at most 1000
tokens), with the same hyperparameters and number of worker threads, and prints the same
figures as io.github.apricotcourse.bench.TrainBenchmark, ending with one RESULT line.

Quality is scored as Apricot's eval package scores it: the vectors are first put in Apricot's word
order (count, then alphabet), so that restrict_vocab=30000 picks the same top 30k words as
AnalogySet.evaluate(embeddings, 30000); 3CosAdd, inputs excluded, questions with a word outside
the top words skipped. (Checked: on the same vectors both give the same counts.)

words/s = in-vocabulary words before subsampling (sum of kept counts x epochs) over the wall
time of model.train() alone (the vocabulary is built before the clock starts).
Run with Debian's python3-gensim: /usr/bin/python3 src/bench/gensim_train.py --corpus FILE ...
"""
import argparse
import gzip
import logging
import re
import resource
import sys
import time

import gensim
from gensim.models import Word2Vec

NOT_A_Z = re.compile(r"[^a-z]+")
DIGITS = "zero one two three four five six seven eight nine".split()


def tokenize(line):
    """text8's normalisation, as Apricot's Tokenizer: lowercase, digits spelled out, rest spaces."""
    line = line.lower()
    if any(ch.isdigit() for ch in line):
        line = re.sub(r"[0-9]", lambda m: " " + DIGITS[int(m.group())] + " ", line)
    return NOT_A_Z.sub(" ", line).split()


def read_corpus(path, max_sentence):
    opener = gzip.open if path.endswith(".gz") else open
    sentences = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            tokens = tokenize(line)
            for i in range(0, len(tokens), max_sentence):
                sentences.append(tokens[i:i + max_sentence])
    return sentences


def sort_like_apricot(wv):
    """Re-orders the vectors as Apricot's Vocabulary orders words: by count, most frequent first,
    ties alphabetically. gensim sorts by count only (np.argsort, ties in no set order), so without
    this the "top 30k words" of restrict_vocab would differ from Apricot's at the boundary, where
    hundreds of words share a count. The vectors themselves are unchanged."""
    counts = [wv.get_vecattr(w, "count") for w in wv.index_to_key]
    order = sorted(range(len(counts)), key=lambda i: (-counts[i], wv.index_to_key[i]))
    wv.index_to_key = [wv.index_to_key[i] for i in order]
    for k in wv.expandos:
        wv.expandos[k] = wv.expandos[k][order]
    wv.vectors = wv.vectors[order]
    wv.key_to_index = {w: i for i, w in enumerate(wv.index_to_key)}
    wv.norms = None
    return wv


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", required=True)
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--negatives", type=int, default=5)
    p.add_argument("--sample", type=float, default=1e-3)
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--eta", type=float, default=0.025)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-sentence", type=int, default=1000)
    p.add_argument("--wordsim")
    p.add_argument("--analogies")
    p.add_argument("--analogy-words", type=int, default=30000)
    p.add_argument("--save", help="also write the vectors (word2vec text format, in Apricot's word order)")
    a = p.parse_args()
    logging.basicConfig(level=logging.ERROR)

    sentences = read_corpus(a.corpus, a.max_sentence)
    print("corpus   %s (%d sentences of <= %d tokens)" % (a.corpus, len(sentences), a.max_sentence))
    print("trainer  gensim %s Word2Vec(sg=1, hs=0, vector_size=%d, window=%d, negative=%d, sample=%g, "
          "min_count=%d, epochs=%d, alpha=%g, workers=%d, seed=%d), FAST_VERSION=%s"
          % (gensim.__version__, a.dim, a.window, a.negatives, a.sample, a.min_count, a.epochs, a.eta,
             a.threads, a.seed, gensim.models.word2vec.FAST_VERSION))
    model = Word2Vec(sg=1, hs=0, vector_size=a.dim, window=a.window, negative=a.negatives, sample=a.sample,
                     min_count=a.min_count, epochs=a.epochs, alpha=a.eta, min_alpha=a.eta * 1e-4,
                     workers=a.threads, seed=a.seed)
    t0 = time.perf_counter()
    model.build_vocab(sentences)
    t1 = time.perf_counter()
    model.train(sentences, total_examples=model.corpus_count, epochs=a.epochs)
    t2 = time.perf_counter()
    wv = sort_like_apricot(model.wv)
    per_epoch = sum(wv.get_vecattr(w, "count") for w in wv.index_to_key)
    words = per_epoch * a.epochs
    seconds = t2 - t1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print("vocab    %d words, %d in-vocabulary tokens per epoch" % (len(wv.index_to_key), per_epoch))
    print("train    %.2f s (%.2f s with vocabulary), %.3f M words/s" % (seconds, t2 - t0, words / seconds / 1e6))
    print("memory   peak RSS %.0f MB" % rss_mb)
    result = "RESULT impl=gensim threads=%d words=%d seconds=%.3f words_per_s=%.0f peak_rss_mb=%.0f" % (
        a.threads, words, seconds, words / seconds, rss_mb)
    if a.save:
        wv.save_word2vec_format(a.save, binary=False)
    if a.wordsim:
        pearson, spearman, oov = wv.evaluate_word_pairs(a.wordsim, delimiter="\t", case_insensitive=True)
        print("wordsim  Spearman rho = %.4f (%.1f %% of pairs out of vocabulary)" % (spearman[0], oov))
        result += " wordsim=%.4f" % spearman[0]
    if a.analogies:
        score, sections = wv.evaluate_word_analogies(a.analogies, restrict_vocab=a.analogy_words, case_insensitive=True)
        total = sections[-1]
        answered = len(total["correct"]) + len(total["incorrect"])
        print("analogy  3CosAdd accuracy %.2f %% (%d of %d answered, top %d words)"
              % (100 * score, len(total["correct"]), answered, a.analogy_words))
        result += " analogy=%.4f answered=%d" % (score, answered)
    print(result)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
