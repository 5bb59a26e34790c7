"""The derived sections: what they should hold, rendering them from templates, fixing them."""
