from rest_framework import serializers

from library.models import Author, Book


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "name", "born"]


class BookSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)
    author_id = serializers.PrimaryKeyRelatedField(
        source="author", queryset=Author.objects.all(), write_only=True
    )
    owner = serializers.ReadOnlyField(source="owner.username")

    class Meta:
        model = Book
        fields = ["id", "title", "isbn", "author", "author_id", "owner", "locked"]
        read_only_fields = ["locked"]

    def validate_title(self, value: str) -> str:
        if value.isupper():
            raise serializers.ValidationError(
                "Titles are not written in capitals.", code="shouting"
            )
        return value
