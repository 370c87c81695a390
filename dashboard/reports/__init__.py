"""Reports that leave the police: standaardrapportage, namenlijst and aanbiedingsbrieven (issue 5).

The core builds one pydantic content model per product from the database (`build`), lays it out as a
neutral `Document` of blocks (`layout`), and the renderers (`html`, `pdf`, `docx`) only draw those blocks.
"""
