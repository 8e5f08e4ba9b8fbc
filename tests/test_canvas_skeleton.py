"""The stroke digits' skeletons: thinning only the ink's box gives the skeleton thinning the whole image gives."""
import numpy as np
from PIL import Image

from model.data.canvas_skeleton import LEVEL, UPSCALE, _thin_in_place, thin
from model.data.mnist import load_mnist


def test_thinning_the_inks_box_is_thinning_the_whole_image():
    digits = load_mnist("test")[0][:40]
    side = digits.shape[1] * UPSCALE
    for digit in digits:
        mask = np.asarray(Image.fromarray(digit).resize((side, side), Image.Resampling.BILINEAR)) >= LEVEL * 255
        whole = mask.copy()
        _thin_in_place(whole)
        skeleton = thin(mask)
        assert np.array_equal(skeleton, whole) and skeleton.sum() < mask.sum() / 2  # the same centre lines
    assert not thin(np.zeros((8, 8), bool)).any()  # no ink, no skeleton
